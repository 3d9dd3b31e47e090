// Tally a Pabulib `.pb` file from the command line.
//
//   npm run tally -- <file.pb> --rule <greedy|mes|mes-add1> [--json] [--ordinal-points reference|top-k]
//
// With --json, prints exactly one JSON object on stdout:
//   {"rule":…,"winners":[ids sorted as strings],"cost":…,"budget":…,"voters":…}
// (amounts in the file's currency, exact). Without it, a readable table.
// Ranked (ordinal) ballots: points as --ordinal-points says; without it, as the
// file's META ordinal_points says (our exports of ranked cycles write top-k);
// without that, `reference` (pabutools' Borda), as Pabulib files assume. The
// table says which was used and why.
// Exit 0 on success; 1 for a bad or unreadable file; 2 for bad arguments
// (one line on stderr), a missing --rule included: a recount names its rule.
// Nothing else is written to stdout (the project's .npmrc keeps npm's own
// "> tsx scripts/tally.ts" banner off it).

import { readFileSync } from "node:fs";
import path from "node:path";
import { ballotsDigest } from "../app/domain/results/ballots-hash";
import { greedy } from "../app/domain/tally/greedy";
import { mes, mesAdd1 } from "../app/domain/tally/mes";
import {
  formatUnits,
  pabulibToElection,
  ORDINAL_POINTS,
  ordinalPointsOf,
  tryParsePabulib,
  type OrdinalPoints,
} from "../app/domain/tally/pabulib";
import { compareProjectIds } from "../app/domain/tally/tie-break";
import type { TallyOutcome, TallyRule } from "../app/domain/tally/types";
import { voterCount } from "../app/domain/tally/weights";

const RULES: readonly TallyRule[] = ["greedy", "mes", "mes-add1"];
const USAGE =
  "usage: npm run tally -- <file.pb> --rule <greedy|mes|mes-add1> [--json] [--ordinal-points reference|top-k]";

class UsageError extends Error {}

const POINTS_FROM = {
  option: "from --ordinal-points",
  meta: "from the file's META",
  default: "default for Pabulib files",
} as const;

interface Args {
  file: string;
  rule: TallyRule;
  json: boolean;
  /** Only when --ordinal-points is given. */
  ordinalPoints?: OrdinalPoints;
}

function parseArgs(argv: string[]): Args | "help" {
  let file: string | undefined;
  let rule: string | undefined;
  let json = false;
  let ordinalPoints: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf("=");
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === "--help" || a === "-h") return "help";
    else if (a === "--json") json = true;
    else if (a === "--rule" || a.startsWith("--rule=")) rule = value("--rule");
    else if (a === "--ordinal-points" || a.startsWith("--ordinal-points=")) ordinalPoints = value("--ordinal-points");
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (file === undefined) throw new UsageError("missing <file.pb>");
  if (rule === undefined) throw new UsageError(`missing --rule (one of ${RULES.join(", ")})`);
  if (!(RULES as readonly string[]).includes(rule)) {
    throw new UsageError(`unknown rule "${rule}" (expected ${RULES.join(", ")})`);
  }
  if (ordinalPoints !== undefined && !(ORDINAL_POINTS as readonly string[]).includes(ordinalPoints)) {
    throw new UsageError(`unknown --ordinal-points "${ordinalPoints}" (expected ${ORDINAL_POINTS.join(" or ")})`);
  }
  return { file, rule: rule as TallyRule, json, ordinalPoints: ordinalPoints as OrdinalPoints | undefined };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(rows: string[][], rightAligned: boolean[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => pad(cell, widths[c], rightAligned[c])).join("  ").trimEnd())
    .join("\n");
}

function main(argv: string[]): number {
  let args: Args | "help";
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`tally: ${(e as Error).message} (${USAGE.replace(/^usage: /, "usage: ")})\n`);
    return 2;
  }
  if (args === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let text: string;
  // `npm run tally` runs from the project folder; a file named from elsewhere is found where npm was called.
  const from = process.env.npm_lifecycle_event === "tally" && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  const where = path.resolve(from, args.file);
  try {
    text = readFileSync(where, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`tally: cannot read ${where}${code ? ` (${code})` : ""}\n`);
    return 1;
  }
  // A META ordinal_points that is neither reference nor top-k fails here, naming its line (unless the flag chose).
  const parsed = tryParsePabulib(text, { ordinalPoints: args.ordinalPoints });
  if (!parsed.ok) {
    process.stderr.write(`tally: ${args.file}:${parsed.error.line}: ${parsed.error.detail}\n`);
    return 1;
  }
  const file = parsed.value;
  // Read anyway, but said: a file that contradicts itself may be damaged (cut short, edited).
  for (const w of file.warnings ?? []) process.stderr.write(`tally: warning: ${args.file}:${w.line}: ${w.message}\n`);
  const points = ordinalPointsOf(file, args.ordinalPoints);
  const { election, scale, topK } = pabulibToElection(file, { ordinalPoints: points.points });

  let outcome: TallyOutcome;
  try {
    outcome =
      args.rule === "greedy" ? greedy(election) : args.rule === "mes" ? mes(election) : mesAdd1(election);
  } catch (e) {
    process.stderr.write(`tally: ${args.file}: cannot tally: ${(e as Error).message}\n`);
    return 1;
  }

  const cost = outcome.projects.filter((p) => p.selected).reduce((s, p) => s + p.cost, 0n);
  const winners = [...outcome.winners].sort(compareProjectIds);

  if (args.json) {
    // Amounts are written as exact JSON numbers (decimal literals).
    const out =
      `{"rule":${JSON.stringify(args.rule)},"winners":${JSON.stringify(winners)},` +
      `"cost":${formatUnits(cost, scale)},"budget":${formatUnits(election.budget, scale)},` +
      `"voters":${voterCount(election)}}`;
    process.stdout.write(`${out}\n`);
    return 0;
  }

  const meta = (key: string) => file.meta.find((e) => e.key.toLowerCase() === key)?.value;
  const names = new Map(file.projects.map((p) => [p.id, p.extra["name"] ?? ""]));
  const lines: string[] = [];
  const place = [meta("country"), meta("unit"), meta("subunit"), meta("instance")].filter(Boolean).join(" · ");
  lines.push(`${args.file}${place ? `  (${place})` : ""}`);
  lines.push(
    `vote type ${file.voteType}${file.voteType === "ordinal" ? ` (${points.points} points${topK ? `, k = ${topK}` : ""}, ${POINTS_FROM[points.from]})` : ""}` +
      ` · ${file.projects.length} projects · ${voterCount(election)} voters · budget ${formatUnits(election.budget, scale)}` +
      ` · rule ${args.rule}`,
  );
  if (outcome.mes) {
    const m = outcome.mes;
    lines.push(
      `MES: ${m.utility} utilities · per-voter budget ${m.perVoterBudget}` +
        (args.rule === "mes-add1"
          ? ` after ${m.add1Steps} Add1 step(s) (${m.mesRuns} MES runs + ${m.verifyRuns} proofs) · MES spent ${formatUnits(m.mesSpent, scale)}` +
            (m.filled.length ? ` · greedy fill: ${m.filled.join(", ")}` : "")
          : ""),
    );
  }
  lines.push("");
  const rows: string[][] = [["#", "project", "cost", "score", "selected", "note", "name"]];
  for (const p of outcome.projects) {
    let note = "";
    if (p.mes?.kind === "winner") {
      note = p.via === "zero-cost" ? "zero cost" : `round ${p.mes.round}, rho ${p.mes.rho}`;
      if (p.mes.cappedSupporters > 0) note += `, ${p.mes.cappedSupporters} paid all they had`;
    } else if (p.via === "greedy-fill") note = "greedy fill";
    else if (p.mes?.kind === "loser") {
      note =
        p.mes.reason === "no-support"
          ? "no support"
          : `supporters had ${(Number(p.mes.coverage ?? "0") * 100).toFixed(1)}% of the cost (round ${p.mes.droppedInRound})`;
    } else if (!p.selected && outcome.rule === "greedy") {
      note = `did not fit (${formatUnits(p.remainingBefore, scale)} left)`;
    }
    const name = names.get(p.id) ?? "";
    rows.push([
      String(p.position + 1),
      p.id,
      formatUnits(p.cost, scale),
      p.score.toString(),
      p.selected ? "yes" : "-",
      note,
      name.length > 48 ? `${name.slice(0, 47)}…` : name,
    ]);
  }
  lines.push(table(rows, [true, false, true, true, false, false, false]));
  lines.push("");
  lines.push(`winners (${winners.length}): ${winners.join(", ")}`);
  lines.push(`cost of winners: ${formatUnits(cost, scale)} of ${formatUnits(election.budget, scale)}`);
  // As the results page computes it: each vote field, sorted, joined with newlines.
  lines.push(`ballots SHA-256: ${ballotsDigest(file.votes.map((v) => ({ choices: v.ids.join(","), count: 1 })))}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
