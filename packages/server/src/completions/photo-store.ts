import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PhotoUpload } from './photo-upload.js';

/** A file written before its completion was stored carries this after its own name. */
const PENDING = '.pending';

/** A photo file still waiting for its completion's transaction. */
export interface PendingPhoto {
  /** The name it takes once committed (the name in `completion_photos`). */
  fileName: string;
  modifiedAt: Date;
}

/**
 * Completion photos on disk, in the folder of `AUDIOBOT_PHOTO_DIR`: one sub-folder per
 * portal and month, a random name per photo. Names are made here, never taken from a
 * request, so no path from outside reaches the file system. A photo is written under a
 * pending name first and renamed once its completion is stored (`commit`), so a file
 * without the suffix always belongs to a stored completion.
 */
export class PhotoStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  /** Writes the photo under its pending name and answers its own name. */
  async save(memberId: string, date: string, photo: PhotoUpload): Promise<string> {
    const folder = path.join(safeSegment(memberId), date.slice(0, 7));
    const fileName = path.join(folder, `${randomUUID()}.${photo.extension}`);
    await mkdir(path.join(this.#root, folder), { recursive: true });
    await writeFile(this.#pathOf(fileName) + PENDING, photo.bytes, { flag: 'wx' });
    return fileName;
  }

  /** The completion is stored: its photos take their names. */
  async commit(fileNames: readonly string[]): Promise<void> {
    for (const name of fileNames) {
      const file = this.#pathOf(name);
      await rename(file + PENDING, file);
    }
  }

  /** Takes back photos whose completion was not stored (the transaction failed). */
  async discard(fileNames: readonly string[]): Promise<void> {
    const files = fileNames.flatMap((name) => [this.#pathOf(name), this.#pathOf(name) + PENDING]);
    await Promise.all(files.map((file) => rm(file, { force: true })));
  }

  /** Every file still under its pending name: of requests under way, or of a crash. */
  async pending(): Promise<PendingPhoto[]> {
    const names = await readdir(this.#root, { recursive: true }).catch(() => []);
    const found: PendingPhoto[] = [];
    for (const name of names.filter((one) => one.endsWith(PENDING))) {
      const file = await stat(path.join(this.#root, name)).catch(() => null);
      if (!file?.isFile()) continue;
      found.push({ fileName: name.slice(0, -PENDING.length), modifiedAt: file.mtime });
    }
    return found;
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
