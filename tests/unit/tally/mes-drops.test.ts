// The first round each losing project fell short, and its supporters' money then, recomputed the slow way:
// every project priced exactly in every round. The engine finds them with float bounds.
import { describe, expect, it } from "vitest";
import { rat, toDecimalString } from "~/domain/tally/rational";
import type { MesLoserDetail } from "~/domain/tally/types";
import { mes, mesAdd1 } from "~/domain/tally/mes";
import { naiveMesRun, randomElection, randomLargerElection } from "./reference";

describe("why a project lost: the round and money match an exact step-by-step simulation", () => {
  it("on random approval and points elections, under mes and mes-add1", () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 800; seed++) {
      for (const points of [false, true]) {
        const e = seed % 2 ? randomElection(seed, { points }) : randomLargerElection(seed, { points });
        for (const rule of ["mes", "mes-add1"] as const) {
          const out = rule === "mes" ? mes(e) : mesAdd1(e);
          const [n, d = "1"] = out.mes!.perVoterBudgetExact.split("/");
          const { drops } = naiveMesRun(e, points ? "points" : "cost", rat(BigInt(n), BigInt(d)));
          for (const p of out.projects) {
            const engine = p.mes as MesLoserDetail;
            if (engine.kind !== "loser" || engine.reason !== "unaffordable") continue;
            checked++;
            const naive = drops.get(p.id);
            const naiveSays = naive ? `round ${naive.round}, ${toDecimalString(naive.money, 6)}` : "never dropped";
            const engineSays = `round ${engine.droppedInRound}, ${engine.supportersMoney}`;
            if (naiveSays !== engineSays) mismatches.push(`seed ${seed} ${points ? "points" : "approval"} ${rule} ${p.id}: engine ${engineSays}, naive ${naiveSays}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  }, 600000);
});
