import { describe, expect, it } from "vitest";
import { explainNote } from "~/domain/results/explain";
import { formatMoney } from "~/domain/money";
import { inWords } from "../english";
import { message } from "~/i18n/message";

// The words beside each Equal Shares winner: who paid what for it.
describe("explaining an Equal Shares winner", () => {
  const money = (cents: number) => formatMoney(cents, "USD", "en-US");
  const t = (key: string, values?: Record<string, unknown>) => inWords(message(key, values as Record<string, string | number>));

  it("says a share is rounded when it is not a whole cent, so the sums do not look wrong", () => {
    const text = explainNote({ kind: "mes-winner", supporters: 14, payments: [{ cents: 151_604.444, voters: 9 }, { cents: 1_112_800, voters: 5, allTheyHad: true }] }, money, t);
    expect(text).toContain("9 paid about $1,516.04");
    expect(text).toContain("5 paid all they had left ($11,128 each)");
  });
});
