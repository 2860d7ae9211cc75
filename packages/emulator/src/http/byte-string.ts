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

/**
 * Encoding goes through one reused buffer: a buffer a call (Buffer.from) would leave
 * thousands of small native allocations a batch for the collector to find.
 */
const scratch = Buffer.allocUnsafeSlow(256 * 1024);

/** The UTF-8 of `text` as a byte string; ASCII text is its own encoding. */
export function utf8ByteString(text: string): ByteString {
  if (!nonAscii.test(text)) return text;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  if (text.length * 3 > scratch.length) return Buffer.from(text, 'utf8').toString('latin1');

  const length = scratch.write(text, 0, 'utf8');
  return scratch.toString('latin1', 0, length);
}
