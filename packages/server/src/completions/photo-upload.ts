import { apiError } from '../http/api-error.js';

/**
 * Photos arrive as base64 in the JSON body: a phone browser reads the camera's file,
 * shrinks it on a canvas (a 12-megapixel shot becomes ~300 KB) and sends one request;
 * no multipart parser, and a failed upload is retried whole. The type is read from the
 * bytes, not from what the client claims.
 */
export interface PhotoUpload {
  bytes: Buffer;
  contentType: PhotoType;
  extension: string;
}

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Per photo, after decoding. Shrunk phone photos are far below it. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 6;
/** The request body: every photo at its largest in base64, and room for the rest. */
export const COMPLETION_BODY_LIMIT = Math.ceil((MAX_PHOTOS * MAX_PHOTO_BYTES * 4) / 3) + 64_000;

const EXTENSIONS: Record<PhotoType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function decodePhotos(photos: readonly string[]): PhotoUpload[] {
  if (photos.length > MAX_PHOTOS) {
    throw apiError('validation_failed', `photos: at most ${MAX_PHOTOS} photos`, 'photos');
  }
  return photos.map((photo, index) => decodePhoto(photo, `photos/${index}`));
}

function decodePhoto(text: string, field: string): PhotoUpload {
  // A data URL (`data:image/jpeg;base64,...`) as FileReader gives it, or bare base64.
  const base64 = text.replace(/^data:[^,]*;base64,/, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw apiError('validation_failed', `${field}: not base64 image data`, field);
  }

  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) {
    const limit = MAX_PHOTO_BYTES / 1024 / 1024;
    throw apiError('payload_too_large', `${field}: a photo may have at most ${limit} MB`, field);
  }
  const contentType = photoTypeOf(bytes);
  if (!contentType) {
    throw apiError('validation_failed', `${field}: not a JPEG, PNG or WebP image`, field);
  }
  return { bytes, contentType, extension: EXTENSIONS[contentType] };
}

/** The image type by its first bytes (its "magic number"). */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  const riff = bytes.subarray(0, 4).toString('latin1');
  const webp = bytes.subarray(8, 12).toString('latin1');
  return riff === 'RIFF' && webp === 'WEBP' ? 'image/webp' : null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
