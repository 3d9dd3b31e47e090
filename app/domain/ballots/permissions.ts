import { message } from "../../i18n/message";
import type { Phase } from "../cycles/phases";

export type CodeRefusal = "unknown" | "voided" | "used" | "not-voting";

/** Whether a voter code may cast a ballot now; the reason if not (CODE_REFUSAL_MESSAGES says it in words). */
export function voterCodeRefusal(
  code: { voidedAt: Date | null; used: boolean; cyclePhase: Phase | string } | null,
): CodeRefusal | null {
  if (!code) return "unknown";
  if (code.voidedAt) return "voided";
  if (code.used) return "used";
  if (code.cyclePhase !== "voting") return "not-voting";
  return null;
}

/** Each refusal as a translatable message (see ~/i18n/message). */
export const CODE_REFUSAL_MESSAGES: Record<CodeRefusal, string> = {
  unknown: message("vote:errors.code.unknown"),
  voided: message("vote:errors.code.voided"),
  used: message("vote:errors.code.used"),
  "not-voting": message("vote:errors.code.notVoting"),
};
