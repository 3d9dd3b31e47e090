// A ballot tracker is 12 hexadecimal digits in groups of four ("0705-0140-751F"): it names
// a counted ballot without saying whose it is or what it chose.
import { randomBytes } from "node:crypto";
import { inGroupsOfFour } from "./voter-codes";

const TRACKER_LENGTH = 12;

/** A fresh random tracker for a ballot being cast. */
export function newTracker(): string {
  return inGroupsOfFour(randomBytes(TRACKER_LENGTH / 2).toString("hex").toUpperCase());
}

/**
 * Reads a tracker as people copy it from a receipt: any case, spaces or dashes, and the
 * letters O, I and L read as the digits 0 and 1 (hex has no such letters). Null when what
 * is left cannot be a tracker, so the page can say so rather than search for something else.
 */
export function normaliseTracker(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (!new RegExp(`^[0-9A-F]{${TRACKER_LENGTH}}$`).test(raw)) return null;
  return inGroupsOfFour(raw);
}
