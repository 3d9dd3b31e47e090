import type { Phase } from "../cycles/phases";

export type CodeRefusal = "unknown" | "voided" | "used" | "not-voting";

/** Whether a voter code may cast a ballot now; the reason in plain words if not. */
export function voterCodeRefusal(
  code: { voidedAt: Date | null; used: boolean; cyclePhase: Phase | string } | null,
): CodeRefusal | null {
  if (!code) return "unknown";
  if (code.voidedAt) return "voided";
  if (code.used) return "used";
  if (code.cyclePhase !== "voting") return "not-voting";
  return null;
}

export const CODE_REFUSAL_MESSAGES: Record<CodeRefusal, string> = {
  unknown: "We could not find that voter code. Check it against your letter and try again.",
  voided: "This voter code has been cancelled by the PB office. Contact them for a new one.",
  used: "This voter code has already been used to vote. Each code votes once.",
  "not-voting": "Voting is not open for this code's cycle right now.",
};
