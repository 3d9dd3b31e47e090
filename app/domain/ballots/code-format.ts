// How voter codes look: the alphabet, the grouping, reading what people type. No randomness
// here (that is voter-codes.ts, server side), so pages can use it too.

// No 0/O, 1/I/L, 5/S, 2/Z, 8/B: codes are read aloud and typed from paper.
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const CODE_LENGTH = 12; // 25^12 ≈ 2^55.7 possibilities

export function formatVoterCode(raw: string): string {
  return inGroupsOfFour(raw);
}

/** "ACDEFGHJKMNP" → "ACDE-FGHJ-KMNP": codes and trackers are read and copied in groups of four. */
export function inGroupsOfFour(raw: string): string {
  return raw.match(/.{1,4}/g)!.join("-");
}

/**
 * Accepts what people type or paste: any case, spaces, and any kind of dash (a code copied from a
 * PDF or a word processor often carries an en dash or a non-breaking hyphen). Null when it cannot be a code.
 */
export function normaliseVoterCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "");
  if (raw.length !== CODE_LENGTH) return null;
  for (const ch of raw) if (!CODE_ALPHABET.includes(ch)) return null;
  return formatVoterCode(raw);
}

/**
 * Whether free text (a clerk's note) names one of the given voter codes, whole or any two of its
 * groups, however it is written (case, spaces, dashes, dots). Checked against codes actually issued,
 * so ordinary words are never mistaken for one.
 */
export function namesVoterCode(text: string, codes: readonly string[]): boolean {
  const squeezed = text.toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (squeezed.length < 8) return false;
  return codes.some((code) => {
    const raw = code.replace(/-/g, "");
    return squeezed.includes(raw.slice(0, 8)) || squeezed.includes(raw.slice(4));
  });
}
