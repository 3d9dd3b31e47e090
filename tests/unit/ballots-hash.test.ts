import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ballotsDigest } from "~/domain/results/ballots-hash";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the ballots' SHA-256", () => {
  it("is the digest of the sorted lines, so anyone can recompute it from the .pb file", () => {
    expect(ballotsDigest([["b", "a"], ["c"], ["a", "b"]])).toBe(sha("a,b\na,b\nc"));
  });
  it("does not depend on the order ballots were cast in", () => {
    expect(ballotsDigest([["c"], ["a"], ["b", "a"]])).toBe(ballotsDigest([["a", "b"], ["a"], ["c"]]));
  });
  it("keeps the order within a ranked ballot, which is the vote itself", () => {
    expect(ballotsDigest([["b", "a"]], { ranked: true })).toBe(sha("b,a"));
    expect(ballotsDigest([["b", "a"]], { ranked: true })).not.toBe(ballotsDigest([["a", "b"]], { ranked: true }));
  });
});
