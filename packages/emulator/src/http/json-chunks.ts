import { type ByteString, utf8ByteString } from './byte-string.js';

/**
 * A JSON body as UTF-8 chunks of about 64 KB (byte strings, see byte-string.ts), byte
 * for byte what `JSON.stringify` would give.
 *
 * Why not one `JSON.stringify` and `response.end(text)`: a page of deals carries
 * Cyrillic, so a 50-command batch became a 20 MB two-byte string, which Node copied
 * into an equally large native buffer for the socket; with the garbage of each answer
 * the emulator's RSS peaked at 700 MB to 1 GB under batches of pages while its heap
 * held 210 MB. Chunks of byte strings stay small, in the JavaScript heap, and reach the
 * socket by plain copies.
 *
 * `serialized` may supply the finished JSON of some objects (list rows whose JSON is
 * cached, see state/list-row-cache.ts); those are copied instead of encoded again.
 */
export type SerializedForm = (value: object) => ByteString | undefined;

const CHUNK_BYTES = 64 * 1024;

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
 * The pieces of the JSON of `value`. Walks objects and arrays that hold other objects,
 * so that serialized forms are found at any depth (a batch nests pages two levels
 * down); everything else is encoded whole.
 */
function* pieces(value: unknown, serialized: SerializedForm | undefined): Generator<ByteString> {
  if (!isContainer(value)) {
    yield utf8ByteString(JSON.stringify(value) ?? 'null');
    return;
  }

  const finished = serialized?.(value);
  if (finished !== undefined) yield finished;
  else if (!isPlain(value) || !holdsContainers(value)) yield utf8ByteString(JSON.stringify(value));
  else if (Array.isArray(value)) yield* arrayPieces(value, serialized);
  else yield* objectPieces(value as Record<string, unknown>, serialized);
}

function* arrayPieces(items: unknown[], serialized: SerializedForm | undefined) {
  yield '[';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) yield ',';
    const item = items[index];
    if (isSkipped(item)) yield 'null';
    else yield* pieces(item, serialized);
  }
  yield ']';
}

function* objectPieces(record: Record<string, unknown>, serialized: SerializedForm | undefined) {
  let separator = '{';
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (isSkipped(member)) continue;

    yield utf8ByteString(`${separator}${JSON.stringify(key)}:`);
    yield* pieces(member, serialized);
    separator = ',';
  }
  yield separator === '{' ? '{}' : '}';
}

/**
 * The UTF-8 JSON of `body` in chunks, encoded as they are taken: a chunk not yet taken
 * holds no memory, so a large answer written at the socket's pace stays small. An
 * undefined body is `null`.
 */
export function* jsonChunks(body: unknown, serialized?: SerializedForm): Generator<ByteString> {
  let pending = '';
  for (const piece of pieces(body, serialized)) {
    pending += piece;
    if (pending.length < CHUNK_BYTES) continue;

    yield pending;
    pending = '';
  }
  if (pending !== '') yield pending;
}
