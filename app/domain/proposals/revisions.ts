// Where a proposal was filed (district and category) at each revision: a delegate may move a draft,
// and the move decides the ballot it goes on, so its history says so.

/** A revision's place; either part is null where the revision was saved before places were recorded. */
type Filed = { district: { id: string } | null; category: { id: string } | null };
export type Place<R extends Filed> = { district: NonNullable<R["district"]>; category: NonNullable<R["category"]> };

/** Where a revision was filed, or null where that was not recorded. */
export function placeOf<R extends Filed>(revision: R): Place<R> | null {
  return revision.district && revision.category ? { district: revision.district, category: revision.category } : null;
}

/** Whether two recorded places differ. */
export function isMove(before: Place<Filed>, after: Place<Filed>): boolean {
  return before.district.id !== after.district.id || before.category.id !== after.category.id;
}

/**
 * For revisions listed newest first (numbers without gaps), where each one moved the proposal to; null
 * where it stayed, or where its place or the one before it was not recorded (never taken for a move).
 */
export function movesTo<R extends Filed>(newestFirst: readonly R[]): (Place<R> | null)[] {
  return newestFirst.map((revision, i) => {
    const here = placeOf(revision);
    const before = i + 1 < newestFirst.length ? placeOf(newestFirst[i + 1]) : null;
    return here && before && isMove(before, here) ? here : null;
  });
}
