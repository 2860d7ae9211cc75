import { type ByteString, utf8ByteString } from './byte-string.js';

/**
 * A JSON body as UTF-8 chunks of about 64 KB (byte strings, see byte-string.ts), byte
 * for byte what `JSON.stringify` would give.
 *
 * Why not one `JSON.stringify` and `response.end(text)`: a page of deals carries
 * Cyrillic, so a 50-command batch became a 20 MB two-byte string, and Node turned each
 * such string into one equally large native buffer for the socket. V8 handed those
 * pages back to the system late: the emulator's RSS grew to 1 GB under batches of pages
 * while its heap stayed at 210 MB. Chunks of byte strings stay in the JavaScript heap
 * and reach the socket by plain copies of 64 KB.
 *
 * `serialized` may supply the finished JSON of some objects (list rows whose JSON is
 * cached, see state/list-row-cache.ts); those are copied instead of encoded again.
 */
export type SerializedForm = (value: object) => ByteString | undefined;

const CHUNK_BYTES = 64 * 1024;

class ChunkCollector {
  readonly chunks: ByteString[] = [];
  private pending = '';

  addText(text: string): void {
    this.addBytes(utf8ByteString(text));
  }

  addBytes(bytes: ByteString): void {
    this.pending += bytes;
    if (this.pending.length < CHUNK_BYTES) return;

    this.chunks.push(this.pending);
    this.pending = '';
  }

  finish(): ByteString[] {
    if (this.pending !== '') this.chunks.push(this.pending);
    this.pending = '';
    return this.chunks;
  }
}

/** Values JSON.stringify leaves out of objects and writes as null in arrays. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Objects and arrays the walk may take apart; anything else goes to JSON.stringify. */
function isPlain(value: object): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function holdsContainers(value: object): boolean {
  const members = Array.isArray(value) ? value : Object.values(value);
  return members.some(isContainer);
}

/**
 * Walks objects and arrays that hold other objects, so that serialized forms are found
 * at any depth (a batch nests pages two levels down); everything else is encoded whole.
 */
class JsonWalk {
  constructor(
    private readonly out: ChunkCollector,
    private readonly serialized: SerializedForm | undefined,
  ) {}

  value(value: unknown): void {
    if (!isContainer(value)) {
      this.out.addText(JSON.stringify(value) ?? 'null');
      return;
    }

    const finished = this.serialized?.(value);
    if (finished !== undefined) this.out.addBytes(finished);
    else if (!isPlain(value) || !holdsContainers(value)) this.out.addText(JSON.stringify(value));
    else if (Array.isArray(value)) this.array(value);
    else this.object(value as Record<string, unknown>);
  }

  private array(items: unknown[]): void {
    this.out.addText('[');
    for (let index = 0; index < items.length; index++) {
      if (index > 0) this.out.addText(',');
      const item = items[index];
      if (isSkipped(item)) this.out.addText('null');
      else this.value(item);
    }
    this.out.addText(']');
  }

  private object(record: Record<string, unknown>): void {
    let separator = '{';
    for (const key of Object.keys(record)) {
      const member = record[key];
      if (isSkipped(member)) continue;

      this.out.addText(`${separator}${JSON.stringify(key)}:`);
      this.value(member);
      separator = ',';
    }
    this.out.addText(separator === '{' ? '{}' : '}');
  }
}

/** The UTF-8 JSON of `body` in chunks; an undefined body is `null`. */
export function jsonChunks(body: unknown, serialized?: SerializedForm): ByteString[] {
  const out = new ChunkCollector();
  new JsonWalk(out, serialized).value(body);
  return out.finish();
}
