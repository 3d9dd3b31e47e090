import type { LoaderFunctionArgs } from "@remix-run/node";
import { PHOTO_CONTENT_TYPE, readPhoto } from "~/uploads.server";

// Photos on project updates: public, like the updates. Only names of the form we write
// (random id, .jpg or -preview.webp) are looked up; the bytes are ours (re-encoded on upload).
const FILE = /^([a-z0-9]{16,40})(-preview\.webp|\.jpg)$/;

export async function loader({ params }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  const variant = match?.[2] === "-preview.webp" ? "preview" : "full";
  const bytes = match ? await readPhoto(match[1], variant) : null;
  if (!bytes) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": PHOTO_CONTENT_TYPE[variant],
      "Content-Length": String(bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Content-Disposition": "inline",
      // A stored photo never changes (its name is new for every upload), but it can be taken down (a bystander
      // in it): caches may keep it for an hour, not a year.
      "Cache-Control": "public, max-age=3600",
    },
  });
}
