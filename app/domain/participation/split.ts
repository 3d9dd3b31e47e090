// Equity-weighted budget split: each district's share of a total is proportional to its
// population × need weight, in whole cents that add up exactly to the total
// (largest-remainder rounding). Pure: no framework or database import.
import { message } from "~/i18n/message";

export interface SplitInput {
  /** Residents of the district (whole people, ≥ 0). */
  population: number;
  /** Need weight in hundredths: 100 = 1.00, 150 = 1.50. */
  needWeight: number;
}

export type SplitResult = { ok: true; shares: number[] } | { ok: false; error: string };

/**
 * Splits `totalCents` over the districts in proportion to population × weight.
 * Every district first gets the floor of its exact share; the cents left over
 * (fewer than the number of districts) go one each to the largest remainders,
 * ties to the larger weight, then to the district listed first. Exact: BigInt.
 */
export function equitySplit(totalCents: number, districts: readonly SplitInput[]): SplitResult {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) return { ok: false, error: message("participation:split.errors.total") };
  if (districts.length === 0) return { ok: false, error: message("participation:split.errors.noDistricts") };
  for (const d of districts) {
    if (!Number.isSafeInteger(d.population) || d.population < 0 || !Number.isSafeInteger(d.needWeight) || d.needWeight < 0) {
      return { ok: false, error: message("participation:split.errors.negative") };
    }
  }
  const weights = districts.map((d) => BigInt(d.population) * BigInt(d.needWeight));
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return { ok: false, error: message("participation:split.errors.allZero") };
  const total = BigInt(totalCents);
  const floors = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = districts
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : weights[b] > weights[a] ? 1 : weights[b] < weights[a] ? -1 : a - b));
  const shares = [...floors];
  for (const i of order) {
    if (left === 0n) break;
    if (remainders[i] === 0n) break; // only a district with a fractional share gets an extra cent
    shares[i] += 1n;
    left -= 1n;
  }
  return { ok: true, shares: shares.map(Number) };
}

/** A need weight typed as "1", "1.25" or "1,5" → hundredths; null when it is not one (0 to 100, two decimals). */
export function parseNeedWeight(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const hundredths = Math.round(Number(t) * 100);
  return hundredths <= 100_00 ? hundredths : null;
}

export const needWeightToInput = (hundredths: number) => (hundredths % 100 === 0 ? String(hundredths / 100) : (hundredths / 100).toFixed(2).replace(/0$/, ""));

/** A population typed as "42000" or "42,000" → whole people; null otherwise. */
export function parsePopulation(text: string): number | null {
  const t = text.trim().replace(/[,\s]/g, "");
  return /^\d{1,10}$/.test(t) ? Number(t) : null;
}
