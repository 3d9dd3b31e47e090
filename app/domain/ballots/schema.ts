import { z } from "zod";
import { message } from "../../i18n/message";
import { tidySite } from "./paper";
import type { BallotSubmission } from "./rules";

export const voterCodeInput = z.object({
  code: z
    .string({ required_error: message("vote:errors.enterCode") })
    .trim()
    .min(1, message("vote:errors.enterCode"))
    .max(40, message("vote:errors.codeTooLong")),
});

const intent = z.enum(["review", "confirm", "change"]);
const field = z.string().max(64);

/**
 * Reads the ballot form: the step, and the voter's choices as a submission for
 * `checkBallot` (`project` checkboxes, or one `rank-<id>` field per project).
 */
export function readBallotForm(formData: FormData, method: string, projectIds: readonly string[]) {
  const step = intent.safeParse(formData.get("intent"));
  const submission = readBallotChoices(formData, method, projectIds);
  if (!step.success || !submission) return null;
  return { intent: step.data, submission };
}

/** The choices marked on a ballot form, whatever its step (paper entry has steps of its own). */
export function readBallotChoices(formData: FormData, method: string, projectIds: readonly string[]): BallotSubmission | null {
  const ids = z.array(field).max(500).safeParse(formData.getAll("project"));
  if (!ids.success) return null;
  return method === "ranked"
    ? { ranks: Object.fromEntries(projectIds.map((id) => [id, String(formData.get(`rank-${id}`) ?? "").slice(0, 8)])) }
    : { ids: ids.data };
}

const declared = (key: string) => z.literal("yes", { errorMap: () => ({ message: message(key) }) });

/** A resident's self-declaration before voting with their account. */
export const accountVotingInput = z.object({
  cycle: z.string().min(1).max(100),
  districtId: z.string({ required_error: message("vote:account.errors.district") }).min(1, message("vote:account.errors.district")),
  age: declared("vote:account.errors.age"),
  residency: declared("vote:account.errors.residency"),
  onlyOnce: declared("vote:account.errors.onlyOnce"),
});

/** The polling site a paper voter was checked in at, or a paper ballot came from (its box). */
export const paperSite = z
  .string({ required_error: message("vote:paper.errors.site") })
  .transform(tidySite)
  .pipe(z.string().min(2, message("vote:paper.errors.site")).max(100, message("vote:paper.errors.siteLong")));

/** Checking a voter in at a polling site: where, and the code on their letter. No choices. */
export const paperCheckIn = z.object({ site: paperSite, code: voterCodeInput.shape.code });

/** Which box a paper ballot comes from: the site and the district whose ballot it is. No code. */
export const paperBoxInput = z.object({
  site: paperSite,
  districtId: z
    .string({ required_error: message("vote:spoiled.errors.district") })
    .min(1, message("vote:spoiled.errors.district"))
    .max(64, message("vote:spoiled.errors.district")),
});
