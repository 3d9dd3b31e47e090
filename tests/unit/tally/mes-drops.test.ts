// The first round each losing project fell short, and its supporters' money then, recomputed the slow way:
// every project priced exactly in every round. The engine finds them with float bounds.
import { describe, expect, it } from "vitest";
import { add, cmp, div, mul, rat, sub, ZERO, type Rational, toDecimalString } from "~/domain/tally/rational";
import { compareProjectIds } from "~/domain/tally/tie-break";
import type { Election, MesLoserDetail } from "~/domain/tally/types";
import { mes, mesAdd1 } from "~/domain/tally/mes";
import { randomElection, randomLargerElection } from "./reference";

function naiveDrops(e: Election, utility: "cost" | "points", perVoter: Rational) {
  const costs = new Map(e.projects.map((p) => [p.id, p.cost]));
  const utils = e.ballots.flatMap((b) => {
    const m = new Map<string, bigint>();
    b.ids.forEach((id, j) => {
      if (!costs.has(id) || m.has(id)) return;
      const u = utility === "cost" ? costs.get(id)! : b.points ? b.points[j] : 1n;
      m.set(id, u);
    });
    for (const [id, u] of [...m]) if (u <= 0n) m.delete(id);
    return Array.from({ length: b.count ?? 1 }, () => m);
  });
  const budgets: Rational[] = utils.map(() => perVoter);
  const supporters = (id: string) => utils.map((u, i) => [i, u.get(id)] as const).filter(([, u]) => u !== undefined) as Array<readonly [number, bigint]>;
  const drops = new Map<string, { round: number; money: Rational }>();
  let remaining = e.projects.filter((p) => p.cost > 0n && supporters(p.id).length > 0);
  for (let round = 1; ; round++) {
    let best: { id: string; rho: Rational } | null = null;
    const next: typeof remaining = [];
    for (const p of remaining) {
      const sup = supporters(p.id);
      const money = sup.reduce((s, [i]) => add(s, budgets[i]), ZERO);
      if (cmp(money, rat(p.cost)) < 0) { drops.set(p.id, { round, money }); continue; }
      next.push(p);
      const sorted = [...sup].sort(([i, u], [j, v]) => cmp(div(budgets[i], rat(u)), div(budgets[j], rat(v))));
      let paid = ZERO; let denom = sup.reduce((s, [, u]) => s + u, 0n); let rho: Rational | null = null;
      for (const [i, u] of sorted) {
        const r = div(sub(rat(p.cost), paid), rat(denom));
        if (cmp(mul(r, rat(u)), budgets[i]) <= 0) { rho = r; break; }
        paid = add(paid, budgets[i]); denom -= u;
      }
      if (best === null || cmp(rho!, best.rho) < 0 || (cmp(rho!, best.rho) === 0 && compareProjectIds(p.id, best.id) < 0)) best = { id: p.id, rho: rho! };
    }
    remaining = next;
    if (best === null) return drops;
    const chosen = best;
    for (const [i, u] of supporters(chosen.id)) {
      const share = mul(chosen.rho, rat(u));
      budgets[i] = sub(budgets[i], cmp(share, budgets[i]) < 0 ? share : budgets[i]);
    }
    remaining = remaining.filter((p) => p.id !== chosen.id);
  }
}

describe("why a project lost: the round and money match an exact step-by-step simulation", () => {
  it("on random approval and points elections, under mes and mes-add1", () => {
    let checked = 0, mism = 0;
    const msgs: string[] = [];
    for (let seed = 1; seed <= 800; seed++) {
      for (const points of [false, true]) {
        const e = seed % 2 ? randomElection(seed, { points }) : randomLargerElection(seed, { points });
        for (const rule of ["mes", "mes-add1"] as const) {
          const out = rule === "mes" ? mes(e) : mesAdd1(e);
          const beta = out.mes!.perVoterBudgetExact;
          const [n, d] = beta.includes("/") ? beta.split("/") : [beta, "1"];
          const drops = naiveDrops(e, points ? "points" : "cost", rat(BigInt(n), BigInt(d)));
          for (const p of out.projects) {
            const det = p.mes as MesLoserDetail;
            if (det.kind !== "loser" || det.reason !== "unaffordable") continue;
            checked++;
            const nd = drops.get(p.id);
            const ok = nd && nd.round === det.droppedInRound && toDecimalString(nd.money, 6) === det.supportersMoney;
            if (!ok) { mism++; if (msgs.length < 10) msgs.push(`${seed} ${points} ${rule} ${p.id}: engine r${det.droppedInRound} ${det.supportersMoney} naive ${nd ? `r${nd.round} ${toDecimalString(nd.money, 6)}` : "none"}`); }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(msgs).toEqual([]);
    expect(mism).toBe(0);
  }, 600000);
});
