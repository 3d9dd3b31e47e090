// How big a request body server.js accepts, decided before the body is read.
//
// No text form here is anywhere near 1 MB: bigger bodies are refused before they are parsed. Two
// exceptions, each only for a multipart post to one kind of page, so that a file over what the route
// takes gets the route's own message, by the field, with the rest kept:
// - an update with a photo posted to a project page (/projects/<id>, or /projects/<id>.data when the
//   page's JavaScript sends it): up to 12 MB (the route takes 5 MB);
// - the PB office's CSV of ideas (/admin/cycles/<slug>/import-ideas): up to 2 MB (the route takes 900 KB).
export const MAX_BODY_BYTES = 1_000_000;
export const MAX_PHOTO_BODY_BYTES = 12 * 1024 * 1024;
export const MAX_IMPORT_BODY_BYTES = 2_000_000;

/** @param {{ method: string; path: string; contentType?: string }} req */
function isPhotoUpload({ method, path, contentType }) {
  return method === "POST" && /^\/projects\/[\w-]+(\.data)?$/.test(path) && /^multipart\/form-data;/i.test(contentType ?? "");
}

/** @param {{ method: string; path: string; contentType?: string }} req */
function isIdeaImport({ method, path, contentType }) {
  return method === "POST" && /^\/admin\/cycles\/[\w-]+\/import-ideas(\.data)?$/.test(path) && /^multipart\/form-data;/i.test(contentType ?? "");
}

/** @param {{ method: string; path: string; contentType?: string }} req */
export function bodyLimit(req) {
  return isPhotoUpload(req) ? MAX_PHOTO_BODY_BYTES : isIdeaImport(req) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}

/** The plain answer to a body over the limit (no page to translate it on: both languages). */
export function tooLargeMessage(req) {
  return isPhotoUpload(req)
    ? "This photo is too large to send: choose one of at most 5 MB. / Esta foto es demasiado grande: elija una de 5 MB como máximo."
    : "This form is too large to send. Shorten the text and try again. / Este formulario es demasiado grande. Acorte el texto e inténtelo de nuevo.";
}
