// Domain rules and zod schemas cannot call t(): they return a message key, with values when the
// text needs them, encoded as one string so it travels through Conform and thrown Responses.
// The page translates it when it shows it (see useMessage).
const SEPARATOR = "|";
const KEY = /^[a-z]+:[A-Za-z0-9_.]+$/;

export type MessageValues = Record<string, string | number>;

/** "vote:errors.overBudget|{"cost":"$120"}" — a translatable message with its values. */
export function message(key: string, values?: MessageValues): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

/** The key and values of an encoded message; null when the text is not one (shown as it is). */
export function decodeMessage(text: string): { key: string; values: MessageValues } | null {
  const at = text.indexOf(SEPARATOR);
  const key = at === -1 ? text : text.slice(0, at);
  if (!KEY.test(key)) return null;
  if (at === -1) return { key, values: {} };
  try {
    const values: unknown = JSON.parse(text.slice(at + 1));
    return values && typeof values === "object" ? { key, values: values as MessageValues } : null;
  } catch {
    return null;
  }
}
