import { describe, expect, it } from "vitest";
import { bodyLimit, MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, MAX_PHOTO_BODY_BYTES } from "../../server/body-limits.js";

describe("how big a body the server accepts", () => {
  const photo = { method: "POST", contentType: "multipart/form-data; boundary=x" };

  it("lets a photo update through to a project page, also when the page's JavaScript posts it to .data", () => {
    expect(bodyLimit({ ...photo, path: "/projects/cmwx123" })).toBe(MAX_PHOTO_BODY_BYTES);
    expect(bodyLimit({ ...photo, path: "/projects/cmwx123.data" })).toBe(MAX_PHOTO_BODY_BYTES);
  });

  it("keeps every other body to 1 MB: other pages, other methods, forms without a file", () => {
    expect(bodyLimit({ ...photo, path: "/ideas/new" })).toBe(MAX_BODY_BYTES);
    expect(bodyLimit({ ...photo, path: "/projects/cmwx123/extra" })).toBe(MAX_BODY_BYTES);
    expect(bodyLimit({ ...photo, method: "PUT", path: "/projects/cmwx123" })).toBe(MAX_BODY_BYTES);
    expect(bodyLimit({ method: "POST", path: "/projects/cmwx123", contentType: "application/x-www-form-urlencoded" })).toBe(MAX_BODY_BYTES);
  });

  it("lets the PB office's CSV of ideas through to its import page (the route then says if the file is over 900 KB)", () => {
    expect(bodyLimit({ ...photo, path: "/admin/cycles/2027/import-ideas" })).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimit({ ...photo, path: "/admin/cycles/2027/import-ideas.data" })).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimit({ method: "POST", path: "/admin/cycles/2027/import-ideas", contentType: "application/x-www-form-urlencoded" })).toBe(MAX_BODY_BYTES);
    expect(bodyLimit({ ...photo, path: "/admin/cycles/2027" })).toBe(MAX_BODY_BYTES);
  });
});
