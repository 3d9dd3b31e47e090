// Checks on an uploaded photo, by its bytes rather than its name or declared type.

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["jpeg", "png", "webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The image type the first bytes announce (JPEG, PNG or WebP), or null for anything else. */
export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  const at = (offset: number, ...expected: number[]) => expected.every((b, i) => bytes[offset + i] === b);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return "jpeg";
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  // RIFF....WEBP
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "webp";
  return null;
}

export type PhotoProblem = "tooLarge" | "notImage" | "empty";

/** Why a photo cannot be taken, or null when it can. */
export function checkPhoto(file: { size: number }, head: Uint8Array): PhotoProblem | null {
  if (file.size === 0) return "empty";
  if (file.size > MAX_PHOTO_BYTES) return "tooLarge";
  return sniffImageType(head) ? null : "notImage";
}

/** Stored photo names are ours (a random id): anything else is refused before touching the disk. */
export const PHOTO_NAME = /^[a-z0-9]{16,40}$/;
