// Photos on project updates, kept on disk in UPLOAD_DIR. Nothing a person sent is stored or
// served as it came: every photo is decoded and re-encoded by sharp (which also drops its
// metadata, such as the GPS position a phone writes), as a JPEG of at most 1600 px and a
// 640 px WebP preview, under a random name of ours.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { checkPhoto, PHOTO_NAME, type PhotoProblem } from "~/domain/implementation/upload";
import { env } from "~/env.server";

// A small file can still decode into a huge image (a "decompression bomb"): refuse past 50 megapixels.
const MAX_PIXELS = 50_000_000;

export type PhotoVariant = "full" | "preview";
const FILE = { full: (name: string) => `${name}.jpg`, preview: (name: string) => `${name}-preview.webp` } as const;
export const PHOTO_CONTENT_TYPE = { full: "image/jpeg", preview: "image/webp" } as const;

export function uploadDir() {
  return path.resolve(env.UPLOAD_DIR);
}

/** Checks and stores an uploaded photo; its name, or the problem with it. */
export async function storePhoto(file: File): Promise<{ name: string } | { problem: PhotoProblem }> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const problem = checkPhoto(file, head);
  if (problem) return { problem };
  const bytes = Buffer.from(await file.arrayBuffer());
  const name = randomBytes(12).toString("hex");
  let full: Buffer, preview: Buffer;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" }).rotate();
    [full, preview] = await Promise.all([
      image.clone().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
      image.clone().resize({ width: 640, height: 640, fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer(),
    ]);
  } catch {
    // The bytes start like an image but do not decode as one (truncated, corrupt or too large).
    return { problem: "notImage" };
  }
  // A disk that is full or not writable is the server's problem, not the photo's: it fails loudly
  // (logged, "something went wrong on our side"), leaving no half-written file behind.
  try {
    await mkdir(uploadDir(), { recursive: true });
    await writeFile(path.join(uploadDir(), FILE.full(name)), full);
    await writeFile(path.join(uploadDir(), FILE.preview(name)), preview);
  } catch (error) {
    await removePhoto(name).catch(() => undefined); // the write's error is the one to report
    throw error;
  }
  return { name };
}

/** Removes a stored photo (when the update it was for could not be saved). */
export async function removePhoto(name: string) {
  if (!PHOTO_NAME.test(name)) return;
  await Promise.all(Object.values(FILE).map((file) => rm(path.join(uploadDir(), file(name)), { force: true })));
}

/** A stored photo's bytes, or null when there is no such photo. */
export async function readPhoto(name: string, variant: PhotoVariant): Promise<Buffer | null> {
  if (!PHOTO_NAME.test(name)) return null;
  try {
    return await readFile(path.join(uploadDir(), FILE[variant](name)));
  } catch {
    return null;
  }
}
