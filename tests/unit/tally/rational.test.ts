import { describe, expect, it } from "vitest";
import {
  add,
  ceil,
  cmp,
  div,
  eq,
  floor,
  gcdBig,
  max,
  min,
  mul,
  parseDecimal,
  rat,
  ratioToNumber,
  ratiosOver,
  sub,
  toDecimalString,
  toExactDecimalString,
  toFractionString,
} from "~/domain/tally/rational";

describe("rational", () => {
  it("normalises sign and common factors", () => {
    expect(rat(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(rat(0n, -5n)).toEqual({ n: 0n, d: 1n });
    expect(eq(rat(2, 4), rat(1, 2))).toBe(true);
    expect(() => rat(1n, 0n)).toThrow(RangeError);
    expect(gcdBig(-12n, 18n)).toBe(6n);
  });

  it("adds, subtracts, multiplies, divides exactly", () => {
    expect(add(rat(1, 3), rat(1, 6))).toEqual(rat(1, 2));
    expect(sub(rat(1, 3), rat(1, 2))).toEqual(rat(-1, 6));
    expect(mul(rat(2, 3), rat(9, 4))).toEqual(rat(3, 2));
    expect(div(rat(2, 3), rat(4, 9))).toEqual(rat(3, 2));
    expect(() => div(rat(1), rat(0))).toThrow(RangeError);
  });

  it("compares exactly where doubles are equal", () => {
    const big = 10n ** 18n;
    const a = rat(big + 1n, big + 2n);
    const b = rat(big, big + 1n);
    expect(ratioToNumber(a.n, a.d)).toBe(ratioToNumber(b.n, b.d));
    expect(cmp(a, b)).toBe(1);
    expect(min(a, b)).toBe(b);
    expect(max(a, b)).toBe(a);
  });

  it("floors, ceils and prints", () => {
    expect(floor(rat(-7, 2))).toBe(-4n);
    expect(ceil(rat(-7, 2))).toBe(-3n);
    expect(ceil(rat(7, 2))).toBe(4n);
    expect(toFractionString(rat(10, 4))).toBe("5/2");
    expect(toDecimalString(rat(2, 3), 4)).toBe("0.6667");
    expect(toDecimalString(rat(1, 2), 4, true)).toBe("0.5000");
    expect(toDecimalString(rat(-1, 3), 2)).toBe("-0.33");
    expect(toExactDecimalString(rat(1234, 100))).toBe("12.34");
    expect(() => toExactDecimalString(rat(1, 3))).toThrow(RangeError);
  });

  it("parses decimals exactly", () => {
    expect(parseDecimal("400000.0")).toEqual(rat(400000));
    expect(parseDecimal(" 12.50 ")).toEqual(rat(25, 2));
    expect(parseDecimal("-0.05")).toEqual(rat(-1, 20));
    expect(parseDecimal(".5")).toEqual(rat(1, 2));
    expect(parseDecimal("1e3")).toEqual(rat(1000));
    for (const bad of ["", "abc", "1,5", "1.2.3", "-", "."]) expect(parseDecimal(bad)).toBeNull();
  });

  it("converts huge ratios to doubles without overflow", () => {
    const n = 3n ** 2000n;
    expect(ratioToNumber(n, n * 4n)).toBeCloseTo(0.25, 12);
    expect(ratioToNumber(n * 7n, n)).toBeCloseTo(7, 12);
    expect(ratioToNumber(-1n, 3n)).toBeCloseTo(-1 / 3, 15);
  });

  it("converts many numerators over one denominator as ratioToNumber does", () => {
    const ns = [0n, 1n, -5n, 7n ** 40n, 3n ** 700n, 3n ** 2000n, -(2n ** 1000n), 2n ** 1000n - 1n];
    for (const d of [3n, 10n ** 18n + 7n, 3n ** 600n, 2n ** 1000n, 3n ** 2000n, -7n]) {
      const over = ratiosOver(d);
      for (const n of ns) expect(Object.is(over(n), ratioToNumber(n, d))).toBe(true);
    }
  });
});
