import { z } from "zod";
import { message } from "../../i18n/message";

const text = {
  title: z
    .string({ required_error: message("proposals:errors.titleMissing") })
    .trim()
    .min(5, message("proposals:errors.titleShort"))
    .max(120, message("proposals:errors.titleLong")),
  description: z
    .string({ required_error: message("proposals:errors.descriptionMissing") })
    .trim()
    .min(30, message("proposals:errors.descriptionShort"))
    .max(6000, message("proposals:errors.descriptionLong")),
};

/** Where a proposal is filed: its district's ballot and budget, its category. */
const scope = {
  districtId: z.string({ required_error: message("proposals:errors.districtMissing") }).min(1, message("proposals:errors.districtMissing")),
  categoryId: z.string({ required_error: message("proposals:errors.categoryMissing") }).min(1, message("proposals:errors.categoryMissing")),
};

export const createProposalInput = z.object({
  ...text,
  ...scope,
  ideaIds: z
    .array(z.string().min(1), { required_error: message("proposals:errors.ideasMissing") })
    .min(1, message("proposals:errors.ideasMissing")),
});

/** A revision: the text, and where it is filed (a proposal filed under the wrong district would go on its ballot). */
export const editProposalInput = z.object({
  ...text,
  ...scope,
  note: z.string().trim().max(300, message("proposals:errors.noteLong")).default(""),
});

export const sendForCostingInput = z.object({
  agencyId: z.string({ required_error: message("proposals:errors.agencyMissing") }).min(1, message("proposals:errors.agencyMissing")),
});

/**
 * A revision must change something, or say why it is saved as it is: an empty revision would
 * show in the history and in "compare" as a change that is not one. Null when it may be saved.
 */
export function unchangedRevision(
  current: { title: string; description: string; districtId: string; categoryId: string },
  input: z.infer<typeof editProposalInput>,
): string | null {
  const same = input.title === current.title && input.description === current.description && input.districtId === current.districtId && input.categoryId === current.categoryId;
  return same && !input.note ? message("proposals:errors.nothingChanged") : null;
}

/** What the first revision says about itself: written by the app, so shown in the reader's language. */
const FIRST_DRAFT_NOTE = "First draft"; // stored by earlier versions; new proposals store no note

/** A revision's note for the page: the delegate's own words, or "First draft" translated (`t`) for the first. */
export function revisionNote(revision: { number: number; note: string }, t: (key: string) => string): string {
  if (revision.number === 1 && (revision.note === "" || revision.note === FIRST_DRAFT_NOTE)) return t("proposals:revision.firstDraft");
  return revision.note;
}
