import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ballotsDigest } from "~/domain/results/ballots-hash";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the ballots' SHA-256", () => {
  it("is the digest of the sorted vote lines, so anyone can recompute it from the .pb file", () => {
    expect(ballotsDigest([{ choices: "3", count: 1 }, { choices: "1,2", count: 2 }])).toBe(sha("1,2\n1,2\n3"));
  });
  it("does not depend on the order ballots were cast or grouped in", () => {
    expect(ballotsDigest([{ choices: "3", count: 1 }, { choices: "1", count: 1 }, { choices: "1,2", count: 1 }])).toBe(
      ballotsDigest([{ choices: "1,2", count: 1 }, { choices: "1", count: 1 }, { choices: "3", count: 1 }]),
    );
  });
  it("sees the order within a ranked ballot, which is the vote itself", () => {
    expect(ballotsDigest([{ choices: "2,1", count: 1 }])).not.toBe(ballotsDigest([{ choices: "1,2", count: 1 }]));
  });
});
