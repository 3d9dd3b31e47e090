import { z } from "zod";
import { namesVoterCode } from "./code-format";
import { message } from "../../i18n/message";
import type { BallotCheck, BallotRules } from "./rules";
import { paperBoxInput } from "./schema";

// Spoiled paper ballots: received at a polling site but not countable. They are recorded so
// every paper ballot received is accounted for, and never counted. Pure.

export const SPOILED_REASONS = ["over-budget", "choices", "unreadable", "blank", "other"] as const;
export type SpoiledReason = (typeof SPOILED_REASONS)[number];

/** Each reason's name, as a translation key. */
export const SPOILED_REASON_KEYS = {
  "over-budget": "vote:spoiled.reasons.overBudget",
  choices: "vote:spoiled.reasons.choices",
  unreadable: "vote:spoiled.reasons.unreadable",
  blank: "vote:spoiled.reasons.blank",
  other: "vote:spoiled.reasons.other",
} as const satisfies Record<SpoiledReason, string>;

/** The clerk's note: a line, not a letter (it is shown to the PB office beside the counts). */
export const SPOILED_NOTE_MAX = 200;

// A spoiled ballot comes from a site's box, so never with a code: the voter's check-in used it.
const spoiledEntryInput = paperBoxInput.extend({
  reason: z.enum(SPOILED_REASONS, { errorMap: () => ({ message: message("vote:spoiled.errors.reason") }) }),
  note: z
    .string()
    .trim()
    .max(SPOILED_NOTE_MAX, message("vote:spoiled.errors.noteLong", { max: SPOILED_NOTE_MAX }))
    .default(""),
});

export type SpoiledEntry = z.infer<typeof spoiledEntryInput>;
export type SpoiledEntryErrors = Partial<Record<"site" | "districtId" | "reason" | "note", string[]>>;

/**
 * Reads a spoiled paper ballot from the form, with every problem at once, each by its field:
 * "other" needs a note saying why, whatever else is wrong; a note naming one of the cycle's
 * `issuedCodes` is refused.
 */
export function readSpoiledEntry(
  input: Record<string, unknown>,
  issuedCodes: readonly string[] = [],
): { ok: true; entry: SpoiledEntry } | { ok: false; errors: SpoiledEntryErrors } {
  const parsed = spoiledEntryInput.safeParse(input);
  const errors: SpoiledEntryErrors = parsed.success ? {} : parsed.error.flatten().fieldErrors;
  const note = String(input.note ?? "");
  if (input.reason === "other" && !note.trim()) errors.note = [message("vote:spoiled.errors.note")];
  // A spoiled ballot says nothing of whose it was: it came from the box, after the voter's check-in.
  if (namesVoterCode(note, issuedCodes)) errors.note = [message("vote:spoiled.errors.noteCode")];
  return parsed.success && !errors.note ? { ok: true, entry: parsed.data } : { ok: false, errors };
}

/**
 * The reason to offer first when the ballot rules refused a paper ballot the clerk typed in: blank,
 * over the budget, a rank marked twice or unreadable, else too many or too few choices.
 * The clerk may still choose another.
 */
export function suggestedSpoiledReason(rules: BallotRules, check: Extract<BallotCheck, { ok: false }>): SpoiledReason {
  if (check.selection.length === 0 && Object.keys(check.problems).length === 0) return "blank";
  if (rules.method === "knapsack" && check.totalCents > rules.budgetCents) return "over-budget";
  if (Object.keys(check.problems).length > 0) return "unreadable";
  return "choices";
}

/** Spoiled ballots per district and reason (as the database groups them), one row per district that has any. */
export function spoiledByDistrict(
  districts: readonly { id: string; name: string }[],
  groups: readonly { districtId: string; reason: string; count: number }[],
) {
  return districts
    .map((d) => {
      const byReason = Object.fromEntries(SPOILED_REASONS.map((r) => [r, 0])) as Record<SpoiledReason, number>;
      for (const g of groups) {
        if (g.districtId !== d.id) continue;
        // A reason this release does not know (a newer one wrote it) still counts, as "other".
        const reason = (SPOILED_REASONS as readonly string[]).includes(g.reason) ? (g.reason as SpoiledReason) : "other";
        byReason[reason] += g.count;
      }
      return { district: d.name, byReason, total: SPOILED_REASONS.reduce((sum, r) => sum + byReason[r], 0) };
    })
    .filter((row) => row.total > 0);
}
