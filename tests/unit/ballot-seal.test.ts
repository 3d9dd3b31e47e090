import { describe, expect, it } from "vitest";
import { seal, unseal } from "~/ballot-seal.server";

describe("a sealed ballot (or survey answer)", () => {
  const ballot = { tracker: "7F3A-91C2-04BE", choices: "3,1,12" };

  it("opens to what was sealed, and shows none of it sealed", () => {
    const sealed = seal(ballot);
    expect(unseal(sealed)).toEqual(ballot);
    expect(sealed).not.toContain("7F3A");
    expect(sealed).not.toMatch(/3,1,12/);
  });

  it("looks different every time, so equal ballots cannot be told apart or matched", () => {
    expect(seal(ballot)).not.toBe(seal(ballot));
  });

  it("refuses to open once altered, rather than yield a different ballot", () => {
    const sealed = Buffer.from(seal(ballot), "base64url");
    sealed[sealed.length - 1] ^= 1;
    expect(() => unseal(sealed.toString("base64url"))).toThrow();
  });
});
