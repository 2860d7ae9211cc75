import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PhotoUpload } from './photo-upload.js';

/**
 * Completion photos on disk, in the folder of `AUDIOBOT_PHOTO_DIR`: one sub-folder per
 * portal and month, a random name per photo. Names are made here, never taken from a
 * request, so no path from outside reaches the file system.
 */
export class PhotoStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  /** Writes the photo and answers its name relative to the folder. */
  async save(memberId: string, date: string, photo: PhotoUpload): Promise<string> {
    const folder = path.join(safeSegment(memberId), date.slice(0, 7));
    const fileName = path.join(folder, `${randomUUID()}.${photo.extension}`);
    await mkdir(path.join(this.#root, folder), { recursive: true });
    await writeFile(path.join(this.#root, fileName), photo.bytes, { flag: 'wx' });
    return fileName;
  }

  /** Takes back photos whose completion was not stored (the transaction failed). */
  async discard(fileNames: readonly string[]): Promise<void> {
    await Promise.all(fileNames.map((name) => rm(this.#pathOf(name), { force: true })));
  }

  /** The file, or null when it is gone from the folder. */
  async open(fileName: string): Promise<{ stream: ReadStream; size: number } | null> {
    const file = this.#pathOf(fileName);
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) return null;
    return { stream: createReadStream(file), size: found.size };
  }

  #pathOf(fileName: string): string {
    const file = path.resolve(this.#root, fileName);
    // Names come from the store, but a tampered row must still not leave the folder.
    if (!file.startsWith(this.#root + path.sep)) throw new Error('Photo outside its folder');
    return file;
  }
}

function safeSegment(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}
