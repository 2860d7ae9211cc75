/**
 * Returns `text` as one flat string.
 *
 * Why: V8 builds a long string from `+` or a template literal as a rope (a tree of
 * 32-byte "cons" nodes), which keeps a 25-character date at ~235 bytes instead of ~60.
 * Reading a character makes V8 flatten the rope, and the garbage collector then drops
 * the tree. The portal keeps a million of these strings at 100 000 houses.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
