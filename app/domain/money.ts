// Money is integer minor units (cents). These helpers convert at the edges only.

/** Parses "1,250.50", "1250", "$1250.5" into cents; null when it is not an amount. */
export function moneyToCents(input: string): number | null {
  const cleaned = input.trim().replace(/[\s$€£]/g, "");
  // A comma only as a thousands separator ("1,250.50"): "1250,50", written with a decimal comma
  // as in Spanish, is refused rather than read as 125,050.
  const match = /^(\d{1,12}|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const cents = Number(match[1].replace(/,/g, "")) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * Why a typed amount that moneyToCents refuses is not one, when the reason is more precise than
 * "not an amount": cents beyond two digits, a decimal comma, thousands separated by points as in
 * much of Europe and Latin America ("1.250.000", "1.250,50"), or more digits than any budget has.
 */
export function moneyProblem(input: string): "decimals" | "decimalComma" | "pointThousands" | "tooLarge" | null {
  const cleaned = input.trim().replace(/[\s$€£]/g, "");
  if (/^\d{1,3}(?:\.\d{3})+,\d{1,2}$|^\d{1,3}(?:\.\d{3}){2,}$/.test(cleaned)) return "pointThousands";
  if (/^(\d+|\d{1,3}(?:,\d{3})+)\.\d{3,}$/.test(cleaned)) return "decimals";
  if (/^\d+,\d{1,2}$/.test(cleaned)) return "decimalComma";
  if (/^\d{13,}(?:\.\d{1,2})?$/.test(cleaned.replace(/,/g, ""))) return "tooLarge";
  return null;
}

// Building an Intl.NumberFormat is slow; pages format hundreds of amounts.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number | bigint, currency = "USD", locale = "en-US"): string {
  const value = typeof cents === "bigint" ? Number(cents) : cents;
  const digits = value % 100 === 0 ? 0 : 2;
  const key = `${locale}|${currency}|${digits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: 2 });
    formatters.set(key, formatter);
  }
  return formatter.format(value / 100);
}

export function centsToInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
