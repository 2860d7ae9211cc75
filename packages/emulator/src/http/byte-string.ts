/**
 * UTF-8 bytes held in a JavaScript string, one character (0–255) per byte: what
 * `buffer.toString('latin1')` gives. V8 stores such a string one byte a character, so it
 * lives in the garbage-collected heap (compacted, returned to the system) instead of in
 * native memory, and writing it to a socket as `latin1` is a plain copy with no
 * encoding. Its `length` is its size in bytes.
 */
export type ByteString = string;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at \x00
const nonAscii = /[^\x00-\x7f]/;

/** The UTF-8 of `text` as a byte string; ASCII text is its own encoding. */
export function utf8ByteString(text: string): ByteString {
  return nonAscii.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}
