// Exact rationals on BigInt. Every value is kept normalised: the denominator
// is positive and numerator and denominator are coprime, so two equal
// rationals always have identical fields (and `eq` is a field comparison).
// Pure TypeScript: no framework imports.

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

export function absBig(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Greatest common divisor of |a| and |b| (gcd(0, 0) = 0). */
export function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  // Euclid; put the smaller number second so the first step is one cheap reduction.
  if (a < b) [a, b] = [b, a];
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

export function lcmBig(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return absBig((a / gcdBig(a, b)) * b);
}

/** Builds the normalised rational n/d (d must be non-zero). */
export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = typeof n === "bigint" ? n : BigInt(n);
  let dd = typeof d === "bigint" ? d : BigInt(d);
  if (dd === 0n) throw new RangeError("rational with zero denominator");
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  if (dd === 1n) return { n: nn, d: 1n };
  const g = gcdBig(nn, dd);
  if (g === 1n || g === 0n) return { n: nn, d: dd };
  return { n: nn / g, d: dd / g };
}

export const ZERO: Rational = { n: 0n, d: 1n };

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("division by zero");
  return rat(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function eq(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

export function lt(a: Rational, b: Rational): boolean {
  return cmp(a, b) < 0;
}

export function le(a: Rational, b: Rational): boolean {
  return cmp(a, b) <= 0;
}

export function min(a: Rational, b: Rational): Rational {
  return cmp(a, b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return cmp(a, b) >= 0 ? a : b;
}

export function sign(a: Rational): number {
  return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
}

export function isInteger(a: Rational): boolean {
  return a.d === 1n;
}

/** Largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d; // truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n > 0n && q * a.d !== a.n ? q + 1n : q;
}

function hexBits(x: bigint): number {
  return x === 0n ? 0 : x.toString(16).length * 4;
}

const FLOAT_SAFE = 1n << 1000n;

/**
 * n/d as the nearest-ish double (relative error below 2^-50), for any size
 * of n and d, without overflowing through Number(n). d must be non-zero.
 */
export function ratioToNumber(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  if (negative) n = -n;
  let value: number;
  if (n < FLOAT_SAFE && d < FLOAT_SAFE) {
    // Number(x) rounds to nearest: relative error ≤ 2^-53 each, 3·2^-53 overall.
    value = Number(n) / Number(d);
  } else {
    const nb = hexBits(n);
    const db = hexBits(d);
    const sn = Math.max(0, nb - 64);
    const sd = Math.max(0, db - 64);
    const top = Number(n >> BigInt(sn)) / Number(d >> BigInt(sd));
    value = top * Math.pow(2, sn - sd);
  }
  return negative ? -value : value;
}

/**
 * ratioToNumber(·, d) for many numerators over one positive d, with d converted once:
 * the same results.
 */
export function ratiosOver(d: bigint): (n: bigint) => number {
  if (!(d > 0n && d < FLOAT_SAFE)) return (n) => ratioToNumber(n, d);
  const dF = Number(d);
  return (n) => (n > 0n && n < FLOAT_SAFE ? Number(n) / dF : ratioToNumber(n, d));
}

/** "n/d", or "n" when the denominator is 1. */
export function toFractionString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/**
 * Decimal text rounded half away from zero to `digits` places; trailing zeros
 * are removed unless `fixed` is true ("0.5", not "0.500000").
 */
export function toDecimalString(a: Rational, digits = 6, fixed = false): string {
  const negative = a.n < 0n;
  const n = negative ? -a.n : a.n;
  const scale = 10n ** BigInt(digits);
  let q = (n * scale) / a.d;
  const r = (n * scale) % a.d;
  if (2n * r >= a.d) q += 1n;
  let intPart = (q / scale).toString();
  let frac = digits > 0 ? (q % scale).toString().padStart(digits, "0") : "";
  if (!fixed) frac = frac.replace(/0+$/, "");
  if (q === 0n) intPart = "0";
  const body = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  return negative && q !== 0n ? `-${body}` : body;
}

/** True when the rational has a finite decimal expansion (denominator 2^a·5^b). */
export function isFiniteDecimal(a: Rational): boolean {
  let d = a.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** Exact decimal text of a rational with a finite expansion ("12.5", "-3", "0.05"). */
export function toExactDecimalString(a: Rational): string {
  if (!isFiniteDecimal(a)) throw new RangeError(`${toFractionString(a)} has no finite decimal expansion`);
  let digits = 0;
  let scale = 1n;
  while ((a.n * scale) % a.d !== 0n) {
    digits++;
    scale *= 10n;
  }
  return toDecimalString(a, digits);
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a plain decimal number ("12", "12.50", "-0.5", ".5", "1e3") exactly.
 * Returns null when the text is not a number. A comma is not accepted here.
 */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const [, signText, intText = "", fracText = "", expText] = m;
  if (intText.length === 0 && fracText.length === 0) return null;
  let n = BigInt((intText || "0") + fracText);
  let d = 10n ** BigInt(fracText.length);
  if (expText !== undefined) {
    const e = Number(expText);
    if (!Number.isFinite(e) || Math.abs(e) > 1000) return null;
    if (e >= 0) n *= 10n ** BigInt(e);
    else d *= 10n ** BigInt(-e);
  }
  if (signText === "-") n = -n;
  return rat(n, d);
}
