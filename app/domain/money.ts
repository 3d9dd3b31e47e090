// Money is integer minor units (cents). These helpers convert at the edges only.

/** Parses "1,250.50", "1250", "$1250.5" into cents; null when it is not an amount. */
export function moneyToCents(input: string): number | null {
  const cleaned = input.trim().replace(/[\s,$€£]/g, "");
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

export function formatMoney(cents: number | bigint, currency = "USD", locale = "en-US"): string {
  const value = typeof cents === "bigint" ? Number(cents) : cents;
  const whole = value % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value / 100);
}

export function centsToInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
