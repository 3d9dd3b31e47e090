// Times the tally rules on every Pabulib file of the data folder.
//
//   npx tsx scripts/bench-tally.ts [folder] [--rules greedy,mes,mes-add1] [--only substring]
//
// Default folder: ../shared/data/pabulib (relative to the repository root).
// Prints, per instance: projects, voters, parse time, and for each rule the
// time in ms (mes-add1 also: Add1 steps, MES runs and proof runs).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { greedy } from "../app/domain/tally/greedy";
import { mes, mesAdd1 } from "../app/domain/tally/mes";
import { readPabulibElection } from "../app/domain/tally/pabulib";
import type { TallyOutcome, TallyRule } from "../app/domain/tally/types";

const argv = process.argv.slice(2);
let folder = path.resolve(process.cwd(), "../shared/data/pabulib");
let rules: TallyRule[] = ["greedy", "mes", "mes-add1"];
let only: string | null = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--rules") rules = argv[++i].split(",") as TallyRule[];
  else if (argv[i] === "--only") only = argv[++i];
  else folder = path.resolve(argv[i]);
}

const files = readdirSync(folder)
  .filter((f) => f.endsWith(".pb") && (only === null || f.includes(only)))
  .sort();

const run = (rule: TallyRule, e: Parameters<typeof greedy>[0]): TallyOutcome =>
  rule === "greedy" ? greedy(e) : rule === "mes" ? mes(e) : mesAdd1(e);

const header = ["instance", "vote type", "projects", "voters", "parse ms", ...rules.map((r) => `${r} ms`), "add1 steps/runs"];
const widths = [44, 10, 8, 7, 8, ...rules.map((r) => Math.max(9, r.length + 3)), 16];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 || i === 1 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
let total = 0;
for (const f of files) {
  const text = readFileSync(path.join(folder, f), "utf8");
  let t = performance.now();
  const { file, election } = readPabulibElection(text);
  const parseMs = performance.now() - t;
  const times: string[] = [];
  let add1 = "";
  for (const rule of rules) {
    t = performance.now();
    const out = run(rule, election);
    const ms = performance.now() - t;
    total += ms;
    times.push(ms.toFixed(ms < 10 ? 1 : 0));
    if (rule === "mes-add1" && out.mes) add1 = `${out.mes.add1Steps}/${out.mes.mesRuns}+${out.mes.verifyRuns}`;
  }
  const name = f.replace(/\.pb$/, "");
  console.log(
    line([
      name.length > 44 ? `${name.slice(0, 43)}…` : name,
      file.voteType,
      String(election.projects.length),
      String(election.ballots.length),
      parseMs.toFixed(0),
      ...times,
      add1,
    ]),
  );
}
console.log(`total tally time: ${(total / 1000).toFixed(1)} s`);
