// Measures what a page makes the browser download: every JavaScript and CSS file, gzip-compressed
// as the server sends it (zlib's default level, what the `compression` middleware uses).
// Shared by `npm run weight:pages` and the browser test that keeps the ballot page light.
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";

export interface PageWeight {
  js: number;
  css: number;
  files: { url: string; type: "js" | "css"; gzip: number }[];
}

export const KB = 1024;
export const BALLOT_JS_BUDGET = 80 * KB;

/** Opens a page (or runs `open`, which ends on it) and sums the gzip size of the JS and CSS it loaded. */
export async function measurePage(page: Page, open: () => Promise<unknown>): Promise<PageWeight> {
  const pending: Promise<PageWeight["files"][number] | null>[] = [];
  const seen = new Set<string>();
  const onResponse = (response: import("@playwright/test").Response) => {
    const url = response.url();
    const type = /\.m?js(\?|$)/.test(url) ? "js" : /\.css(\?|$)/.test(url) ? "css" : null;
    if (!type || seen.has(url) || response.status() >= 400) return;
    seen.add(url);
    pending.push(response.body().then((body) => ({ url: new URL(url).pathname, type, gzip: gzipSync(body).length }), () => null));
  };
  page.on("response", onResponse);
  try {
    await open();
    await page.waitForLoadState("networkidle");
    const files = (await Promise.all(pending)).filter((f): f is NonNullable<typeof f> => f !== null);
    return {
      js: files.filter((f) => f.type === "js").reduce((s, f) => s + f.gzip, 0),
      css: files.filter((f) => f.type === "css").reduce((s, f) => s + f.gzip, 0),
      files: files.sort((a, b) => b.gzip - a.gzip),
    };
  } finally {
    page.off("response", onResponse);
  }
}

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
