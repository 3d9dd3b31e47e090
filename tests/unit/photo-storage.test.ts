// A photo that decodes is stored; when the disk cannot take it (full, not writable) the server says it
// failed (a logged 500), not "that file is not a photo", and leaves no half-written file.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";

const root = `data/test/photo-storage-${randomUUID()}`;
mkdirSync(root, { recursive: true });
// The upload folder's path is taken by a plain file: no folder can be made there, as on a broken volume.
const blocked = `${root}/not-a-folder`;
writeFileSync(blocked, "");
process.env.UPLOAD_DIR = blocked;
const { storePhoto } = await import("~/uploads.server");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const jpeg = async () => new File([new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } }).jpeg().toBuffer())], "park.jpg", { type: "image/jpeg" });

describe("storing a photo", () => {
  it("fails loudly when the upload folder cannot be written, instead of calling the photo 'not an image'", async () => {
    await expect(storePhoto(await jpeg())).rejects.toThrow();
    expect(readdirSync(root)).toEqual(["not-a-folder"]);
  });

  it("still calls bytes that do not decode 'not an image'", async () => {
    const broken = new File([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])], "x.jpg", { type: "image/jpeg" });
    expect(await storePhoto(broken)).toEqual({ problem: "notImage" });
  });
});
