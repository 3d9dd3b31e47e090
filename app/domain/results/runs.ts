// Which of a cycle's counts (runs) matter, per district. Pure.

export interface RunRef {
  districtId: string;
  run: number;
  status: string;
}

/** Each district's newest count (highest run number), by district id. */
export function newestRunPerDistrict<R extends RunRef>(runs: readonly R[]): Map<string, R> {
  const newest = new Map<string, R>();
  for (const r of runs) if (r.run > (newest.get(r.districtId)?.run ?? 0)) newest.set(r.districtId, r);
  return newest;
}

/**
 * Districts whose newest count is a draft run after the one published: the public still sees the
 * published run, the PB office's page the draft. Districts with nothing published are left out (they
 * are simply not published yet), and so are drafts older than the published run (superseded).
 */
export function unpublishedRecounts(runs: readonly RunRef[]): { districtId: string; run: number; publishedRun: number }[] {
  const published = new Map<string, number>();
  for (const r of runs) if (r.status === "published" && r.run > (published.get(r.districtId) ?? 0)) published.set(r.districtId, r.run);
  return [...newestRunPerDistrict(runs).values()]
    .filter((r) => r.status === "draft" && published.has(r.districtId))
    .map((r) => ({ districtId: r.districtId, run: r.run, publishedRun: published.get(r.districtId)! }));
}
