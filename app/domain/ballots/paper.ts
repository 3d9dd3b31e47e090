// Paper voting at a polling site, as real polling sites do it, in two acts that are never joined:
// a voter is checked in with the code on their letter (the code is used; no choices), and their
// ballot goes into the box; later ballots are entered from the box with no code, so whoever types
// them cannot tell whose ballot is whose. Pure.
import { decodeMessage, message } from "../../i18n/message";

/** A site name as typed, with runs of spaces made one (the schema trims the ends). */
export const tidySite = (site: string) => site.replace(/\s+/g, " ").trim();

/**
 * The spelling a site already has when the one typed differs from it only in case or spacing, so
 * "eastgate library" typed at 9pm is the box "Eastgate Library" opened at 8am; else the one typed.
 */
export function siteAsKnown(typed: string, known: readonly string[]): string {
  const key = (s: string) => tidySite(s).toLocaleLowerCase("en");
  // A site stored exactly as typed is that site, even if another spelling of it exists (stored before sites were matched).
  return known.find((k) => k === typed) ?? known.find((k) => key(k) === key(typed)) ?? tidySite(typed);
}

/** What a site's box holds for one district: voters checked in there, ballots entered from it (counted or spoiled). */
export type PaperBoxCount = { checkedIn: number; ballots: number; spoiled: number };

/**
 * Whether one more ballot may come out of the box: never more ballots (counted or spoiled) than
 * voters checked in at that site for that district. A ballot with no voter behind it is refused.
 */
export function boxHasRoom(box: PaperBoxCount): boolean {
  return box.ballots + box.spoiled < box.checkedIn;
}

/**
 * Below this many voters checked in at a site for a district, whoever enters that box's ballots can
 * tell whose they are (the clerk saw who checked in): the office is warned before it enters them.
 */
export const FEWEST_IN_A_BOX = 3;

/** How many voters a box holds when that is few enough to tell whose ballot is whose; null otherwise. */
export function smallBox(checkedIn: number): number | null {
  return checkedIn > 0 && checkedIn < FEWEST_IN_A_BOX ? checkedIn : null;
}

/**
 * The balance of every box, one row per site and district that has a check-in or a ballot, by site
 * then district: what the clerk compares with the paper poll book and the ballots in hand.
 */
export function paperBoxBalance(
  districts: readonly { id: string; name: string }[],
  checkedIn: readonly { site: string; districtId: string; count: number }[],
  boxes: readonly { site: string; districtId: string; ballots: number; spoiled: number }[],
) {
  const rows = new Map<string, { site: string; districtId: string } & PaperBoxCount>();
  const row = (site: string, districtId: string) => {
    const key = JSON.stringify([site, districtId]);
    if (!rows.has(key)) rows.set(key, { site, districtId, checkedIn: 0, ballots: 0, spoiled: 0 });
    return rows.get(key)!;
  };
  for (const c of checkedIn) row(c.site, c.districtId).checkedIn += c.count;
  for (const b of boxes) Object.assign(row(b.site, b.districtId), { ballots: b.ballots, spoiled: b.spoiled });
  const order = new Map(districts.map((d, i) => [d.id, i]));
  return [...rows.values()]
    .filter((r) => order.has(r.districtId) && r.checkedIn + r.ballots + r.spoiled > 0)
    .sort((a, b) => a.site.localeCompare(b.site) || order.get(a.districtId)! - order.get(b.districtId)!)
    .map((r) => ({
      site: r.site,
      districtId: r.districtId,
      district: districts[order.get(r.districtId)!].name,
      checkedIn: r.checkedIn,
      ballots: r.ballots,
      spoiled: r.spoiled,
      // Ballots still in the box (or with voters still filling them in); never below zero.
      waiting: Math.max(0, r.checkedIn - r.ballots - r.spoiled),
    }));
}

/** Voter-facing problems (the rules speak to the voter: "your selection", "your letter") and the clerk's wording of each. */
const CLERK_WORDING: Record<string, string> = {
  "vote:errors.overBudget": "vote:paperErrors.overBudget",
  "vote:errors.underMinimum": "vote:paperErrors.underMinimum",
  "vote:errors.tooManyApprovals": "vote:paperErrors.tooManyApprovals",
  "vote:errors.tooFewApprovals": "vote:paperErrors.tooFewApprovals",
  "vote:errors.chooseAtLeastOne": "vote:paperErrors.chooseAtLeastOne",
  "vote:errors.rankAtLeastOne": "vote:paperErrors.rankAtLeastOne",
  "vote:errors.rankRepeated": "vote:paperErrors.rankRepeated",
  "vote:errors.rankSkipped": "vote:paperErrors.rankSkipped",
  "vote:errors.tooManyRanks": "vote:paperErrors.tooManyRanks",
  "vote:errors.rankNotWhole": "vote:paperErrors.rankNotWhole",
  "vote:errors.enterCode": "vote:paperErrors.enterCode",
  "vote:errors.code.unknown": "vote:paperErrors.code.unknown",
  "vote:errors.code.voided": "vote:paperErrors.code.voided",
};

/** A ballot or voter-code problem as the clerk at the paper page reads it; others stay as they are. */
export function inClerkWords(text: string): string {
  const decoded = decodeMessage(text);
  const clerkKey = decoded && Object.hasOwn(CLERK_WORDING, decoded.key) ? CLERK_WORDING[decoded.key] : null;
  if (!decoded || !clerkKey) return text;
  return message(clerkKey, Object.keys(decoded.values).length ? decoded.values : undefined);
}
