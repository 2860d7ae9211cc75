// A phone camera's photo is 3–10 MB; the server keeps ~300 KB per photo. The
// browser shrinks it before sending: decode, draw at most MAX_SIDE on the long
// side, encode as JPEG. The camera's orientation is applied by the decoder.

export const MAX_SIDE = 1600;
const QUALITY = 0.8;

/** The size to draw at: the long side at most `maxSide`, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  maxSide = MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** The photo as a JPEG data URL, ready for POST /api/completions. */
export async function shrinkPhoto(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file);
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas in this browser');
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.toDataURL('image/jpeg', QUALITY);
  } finally {
    bitmap.close();
  }
}
