import { describe, expect, it } from "vitest";
import { newestRunPerDistrict, unpublishedRecounts } from "~/domain/results/runs";

describe("which counts matter per district", () => {
  const runs = [
    { districtId: "north", run: 1, status: "published" },
    { districtId: "north", run: 3, status: "draft" },
    { districtId: "north", run: 2, status: "draft" },
    { districtId: "south", run: 1, status: "draft" },
    { districtId: "east", run: 2, status: "published" },
    { districtId: "east", run: 1, status: "draft" },
  ];

  it("takes each district's highest run as its newest, whatever the order read", () => {
    const newest = newestRunPerDistrict(runs);
    expect(Object.fromEntries([...newest].map(([d, r]) => [d, r.run]))).toEqual({ north: 3, south: 1, east: 2 });
  });

  it("names a newer draft beside a published count; not a district never published, nor a superseded draft", () => {
    expect(unpublishedRecounts(runs)).toEqual([{ districtId: "north", run: 3, publishedRun: 1 }]);
  });
});
