// Conformance with the reference implementation (pabutools 1.2.3): every
// instance and every rule listed in ../shared/data/pabulib/expected.json.
//
// Our rules map to the reference names as in the data README:
//   greedy   -> greedy_cost_sat (approval, choose-1) / greedy_total_points (ordinal, cumulative)
//   mes      -> mes_cost_sat / mes_borda_sat / mes_additive_cardinal_sat
//   mes-add1 -> mes_cost_sat_add1_greedy_cost_sat (approval, choose-1)
// The other keys are building blocks, computed with the engine's options:
// ballots read as approvals (cost_sat and cardinality_sat on ordinal or
// cumulative files), utilities, greedy by score per cost, Add1 with or
// without the greedy fill.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { greedy } from "~/domain/tally/greedy";
import { equalShares, mes, mesAdd1 } from "~/domain/tally/mes";
import { readPabulibElection } from "~/domain/tally/pabulib";
import { compareProjectIds } from "~/domain/tally/tie-break";
import type { Election } from "~/domain/tally/types";

const DATA = path.resolve(process.cwd(), "../shared/data/pabulib");
const EXPECTED = path.join(DATA, "expected.json");

type Expected = Record<string, Record<string, unknown> & { vote_type: string; voters: number; budget: number }>;

const asApproval = (e: Election): Election => ({ ...e, ballots: e.ballots.map((b) => ({ ids: b.ids })) });
const sorted = (ids: string[]) => [...ids].sort(compareProjectIds);

/** How to compute each reference rule; `ours` marks the rules of the app. */
const RULES: Record<string, { ours?: boolean; run: (e: Election) => string[] }> = {
  greedy_cost_sat: { run: (e) => greedy(asApproval(e)).winners },
  greedy_total_points: { ours: true, run: (e) => greedy(e).winners },
  greedy_cardinality_sat: { run: (e) => greedy(asApproval(e), e.budget, { ranking: "per-cost" }).winners },
  greedy_borda_sat: { run: (e) => greedy(e, e.budget, { ranking: "per-cost" }).winners },
  greedy_additive_cardinal_sat: { run: (e) => greedy(e, e.budget, { ranking: "per-cost" }).winners },
  mes_cost_sat: { run: (e) => equalShares(asApproval(e), { utility: "cost" }).winners },
  mes_cardinality_sat: { run: (e) => equalShares(asApproval(e), { utility: "cardinality" }).winners },
  mes_borda_sat: { ours: true, run: (e) => mes(e).winners },
  mes_additive_cardinal_sat: { ours: true, run: (e) => mes(e).winners },
  mes_cost_sat_add1: { run: (e) => equalShares(asApproval(e), { utility: "cost", add1: true }).winners },
  mes_cost_sat_greedy_cost_sat: {
    run: (e) => equalShares(asApproval(e), { utility: "cost", greedyFill: true }).winners,
  },
  mes_cost_sat_add1_greedy_cost_sat: {
    run: (e) => equalShares(asApproval(e), { utility: "cost", add1: true, greedyFill: true }).winners,
  },
  mes_cardinality_sat_add1_greedy_cost_sat: {
    run: (e) => equalShares(asApproval(e), { utility: "cardinality", add1: true, greedyFill: true }).winners,
  },
};

const haveData = existsSync(EXPECTED);
const expected: Expected = haveData ? JSON.parse(readFileSync(EXPECTED, "utf8")) : {};

// The reference data is part of every checkout's surroundings (../shared): missing, it fails, never skips.
it("finds the reference results beside the project", () => {
  expect(haveData, `missing ${EXPECTED}`).toBe(true);
});

describe(`conformance with pabutools 1.2.3 (${EXPECTED})`, () => {
  for (const [file, info] of Object.entries(expected)) {
    describe(file, () => {
      const load = (() => {
        let cached: Election | null = null;
        return () => (cached ??= readPabulibElection(readFileSync(path.join(DATA, file), "utf8")).election);
      })();

      it("reads the instance as described", () => {
        const e = load();
        expect(e.ballots.length).toBe(info.voters);
        expect(Number(e.budget)).toBe(info.budget);
      });

      const ruleKeys = Object.keys(info).filter((k) => /^(greedy|mes)_/.test(k) && Array.isArray(info[k]));
      for (const rule of ruleKeys) {
        it(rule, () => {
          const spec = RULES[rule];
          expect(spec, `no mapping for reference rule ${rule}`).toBeDefined();
          const want = info[rule] as string[];
          expect(sorted(spec.run(load()))).toEqual(want);
        }, 60000);
      }

      // Our three rules, called the way the app and the CLI call them.
      const approvalLike = info.vote_type === "approval" || info.vote_type === "choose-1";
      const ours: Array<[string, string, (e: Election) => string[]]> = [
        ["greedy", approvalLike ? "greedy_cost_sat" : "greedy_total_points", (e) => greedy(e).winners],
        [
          "mes",
          approvalLike ? "mes_cost_sat" : info.vote_type === "ordinal" ? "mes_borda_sat" : "mes_additive_cardinal_sat",
          (e) => mes(e).winners,
        ],
      ];
      if (approvalLike) ours.push(["mes-add1", "mes_cost_sat_add1_greedy_cost_sat", (e) => mesAdd1(e).winners]);
      for (const [rule, ref, run] of ours) {
        if (!Array.isArray(info[ref])) continue;
        it(`our ${rule} = ${ref}`, () => {
          expect(sorted(run(load()))).toEqual(info[ref]);
        }, 60000);
      }
    });
  }
});
