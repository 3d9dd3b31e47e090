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
  it("is the same for large districts, whether the groups come sorted or not", () => {
    // 3,000 groups with up to 40 voters each: the text is hashed in chunks, and the result must not notice.
    const groups = Array.from({ length: 3000 }, (_, i) => ({ choices: `${i % 97},${(i * 7) % 1000}`, count: 1 + (i % 40) }));
    const lines = groups.flatMap((g) => Array<string>(g.count).fill(g.choices)).sort();
    expect(ballotsDigest(groups)).toBe(sha(lines.join("\n")));
    const sorted = [...groups].sort((a, b) => (a.choices < b.choices ? -1 : 1));
    expect(ballotsDigest(sorted)).toBe(sha(lines.join("\n")));
  });
  it("counts empty ballots as empty lines", () => {
    expect(ballotsDigest([{ choices: "", count: 2 }, { choices: "1", count: 1 }])).toBe(sha("\n\n1"));
  });
});
