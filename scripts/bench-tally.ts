// Times the tally rules on every Pabulib file of the data folder.
//
//   npm run bench:tally -- [folder] [--rules greedy,mes,mes-add1] [--only substring]
//
// Default folder: ../shared/data/pabulib (relative to the repository root).
// Prints, per instance: projects, voters, votes, the time to read and parse the file, and for
// each rule the tally time and its ratio to the parse time (mes-add1 also: Add1 steps, MES runs
// and proof runs). Ends with the largest instances against the target (mes-add1 under 1 s and
// within 5× of the parse time).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { greedy } from "../app/domain/tally/greedy";
import { mes, mesAdd1 } from "../app/domain/tally/mes";
import { readPabulibElection } from "../app/domain/tally/pabulib";
import { ballotCount } from "../app/domain/tally/weights";
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

const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);
const header = ["instance", "vote type", "projects", "voters", "votes", "parse ms", ...rules.map((r) => `${r} ms (× parse)`), "add1 steps/runs+proofs"];
const widths = [44, 10, 8, 7, 7, 8, ...rules.map((r) => Math.max(17, r.length + 12)), 22];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 || i === 1 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));

interface Row {
  name: string;
  voters: number;
  votes: number;
  parseMs: number;
  tallyMs: Map<TallyRule, number>;
}
const rows: Row[] = [];
let total = 0;
for (const f of files) {
  const text = readFileSync(path.join(folder, f), "utf8");
  let t = performance.now();
  const { file, election } = readPabulibElection(text);
  const parseMs = performance.now() - t;
  const row: Row = { name: f.replace(/\.pb$/, ""), voters: 0, votes: 0, parseMs, tallyMs: new Map() };
  for (const b of election.ballots) {
    row.voters += ballotCount(b);
    row.votes += ballotCount(b) * b.ids.length;
  }
  const cells: string[] = [];
  let add1 = "";
  for (const rule of rules) {
    t = performance.now();
    const out = run(rule, election);
    const tallyMs = performance.now() - t;
    total += tallyMs;
    row.tallyMs.set(rule, tallyMs);
    cells.push(`${ms(tallyMs)} (${(tallyMs / Math.max(parseMs, 0.1)).toFixed(1)}×)`);
    if (rule === "mes-add1" && out.mes) add1 = `${out.mes.add1Steps}/${out.mes.mesRuns}+${out.mes.verifyRuns}`;
  }
  rows.push(row);
  console.log(
    line([
      row.name.length > 44 ? `${row.name.slice(0, 43)}…` : row.name,
      file.voteType,
      String(election.projects.length),
      String(row.voters),
      String(row.votes),
      ms(parseMs),
      ...cells,
      add1,
    ]),
  );
}
console.log(`total tally time: ${(total / 1000).toFixed(1)} s`);

if (rules.includes("mes-add1") && rows.length > 1) {
  const verdict = (r: Row) => {
    const add1 = r.tallyMs.get("mes-add1")!;
    const ratio = add1 / r.parseMs;
    const met = add1 < 1000 && ratio <= 5;
    return `${r.name}: mes-add1 ${ms(add1)} ms, parse ${ms(r.parseMs)} ms, ${ratio.toFixed(1)}× parse — target (< 1000 ms, ≤ 5×) ${met ? "met" : "NOT met"}`;
  };
  const byVotes = rows.reduce((a, b) => (b.votes > a.votes ? b : a));
  const byVoters = rows.reduce((a, b) => (b.voters > a.voters ? b : a));
  console.log(`largest by votes:  ${verdict(byVotes)}`);
  if (byVoters !== byVotes) console.log(`largest by voters: ${verdict(byVoters)}`);
}
