import { z } from "zod";
import type { BallotSubmission } from "./rules";

export const voterCodeInput = z.object({
  code: z.string({ required_error: "Enter the voter code from your letter." }).trim().min(1, "Enter the voter code from your letter.").max(40, "That is too long for a voter code."),
});

const intent = z.enum(["review", "confirm", "change"]);
const field = z.string().max(64);

/**
 * Reads the ballot form: the step, and the voter's choices as a submission for
 * `checkBallot` (`project` checkboxes, or one `rank-<id>` field per project).
 */
export function readBallotForm(formData: FormData, method: string, projectIds: readonly string[]) {
  const step = intent.safeParse(formData.get("intent"));
  const ids = z.array(field).max(500).safeParse(formData.getAll("project"));
  if (!step.success || !ids.success) return null;
  const submission: BallotSubmission =
    method === "ranked"
      ? { ranks: Object.fromEntries(projectIds.map((id) => [id, String(formData.get(`rank-${id}`) ?? "").slice(0, 8)])) }
      : { ids: ids.data };
  return { intent: step.data, submission };
}
