// A photo that decodes is stored; when the disk cannot take it (full, not writable) the server says it
// failed (a logged 500), not "that file is not a photo", and leaves no half-written photo behind.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

// The disk fills up between the photo and its preview.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile: typeof real.writeFile = async (file, ...rest) => {
    if (disk.full && String(file).endsWith(".webp")) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    return real.writeFile(file, ...rest);
  };
  return { ...real, default: { ...real, writeFile }, writeFile };
});

const folder = `data/test/photo-storage-${randomUUID()}`;
mkdirSync(folder, { recursive: true });
process.env.UPLOAD_DIR = folder;
const { storePhoto } = await import("~/uploads.server");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const jpeg = async () => new File([new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } }).jpeg().toBuffer())], "park.jpg", { type: "image/jpeg" });

describe("storing a photo", () => {
  it("stores a photo and its preview", async () => {
    const stored = await storePhoto(await jpeg());
    expect(stored).toMatchObject({ name: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it("fails loudly when the disk is full, instead of calling the photo 'not an image', and leaves no half of it", async () => {
    const before = readdirSync(folder).sort();
    disk.full = true;
    try {
      await expect(storePhoto(await jpeg())).rejects.toThrow(/ENOSPC/);
    } finally {
      disk.full = false;
    }
    expect(readdirSync(folder).sort()).toEqual(before);
  });

  it("still calls bytes that do not decode 'not an image'", async () => {
    const broken = new File([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])], "x.jpg", { type: "image/jpeg" });
    expect(await storePhoto(broken)).toEqual({ problem: "notImage" });
  });
});
