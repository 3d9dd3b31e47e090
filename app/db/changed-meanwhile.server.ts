import { z } from "zod";

/**
 * Someone else saved a newer version (a proposal's revision, an estimate's version) after this
 * person opened the form: saving theirs would silently undo that work. The form sends the version it
 * was opened from (`basedOn`); the save is refused, the person's text is given back with the newer
 * version's number, and saving again is then a choice made knowing it.
 */
export class ChangedMeanwhile extends Error {
  constructor(readonly latest: number) {
    super(`a newer version (${latest}) was saved meanwhile`);
  }
}

/** The version a form was opened from, as it sends it (absent from older pages and scripts: no check). */
export const basedOnInput = z.coerce.number().int().nonnegative().optional().catch(undefined);

export function readBasedOn(formData: FormData): number | undefined {
  const raw = formData.get("basedOn");
  return raw === null || raw === "" ? undefined : basedOnInput.parse(raw);
}

/** Throws ChangedMeanwhile when the newest version is not the one the form was opened from. */
export function assertLatest(latest: number, basedOn: number | undefined) {
  if (basedOn !== undefined && basedOn !== latest) throw new ChangedMeanwhile(latest);
}
