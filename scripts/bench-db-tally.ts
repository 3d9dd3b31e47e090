// Benchmark: N ballots in the embedded database → a counted, published result with stats.
// Usage: npm run bench:db-tally -- [--ballots 400000] [--projects 24] [--rule greedy|mes|mes-add1] [--profile FILE]
// (--profile writes a CPU profile of the timed part, for Chrome DevTools or `node --cpu-prof` tools).
// Builds a throw-away database under data/bench/, fills it directly (not timed), then times
// runTally + publishResults, the same code the PB office's "Run the tally" and "Publish" buttons call.
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: { ballots: { type: "string", default: "400000" }, projects: { type: "string", default: "24" }, rule: { type: "string", default: "mes-add1" }, profile: { type: "string" } },
});
const N = Number(values.ballots);
const P = Number(values.projects);
const file = "data/bench/tally.db";
rmSync("data/bench", { recursive: true, force: true });
mkdirSync("data/bench", { recursive: true });
process.env.DATABASE_URL = `file:./${file}`;
execSync("npx prisma migrate deploy", { stdio: "pipe", env: process.env });

// --- Fill (not timed) --------------------------------------------------------
const fillStart = performance.now();
const db = new Database(file);
db.pragma("journal_mode = WAL");
const id = () => randomUUID();
const cycleId = id();
const districtId = id();
const categoryId = id();
const adminId = id();
db.prepare(`insert into User (id, email, name, passwordHash) values (?, 'bench@x', 'Bench admin', 'x')`).run(adminId);
db.prepare(`insert into UserRole (userId, role) values (?, 'admin')`).run(adminId);
db.prepare(`insert into Cycle (id, slug, name, phase, ballotMethod, tallyRule) values (?, 'bench', 'Bench', 'results', 'knapsack', ?)`).run(cycleId, values.rule);
const budgetCents = 5_000_000_00;
db.prepare(`insert into District (id, cycleId, name, budgetCents) values (?, ?, 'City', ?)`).run(districtId, cycleId, budgetCents);
db.prepare(`insert into Category (id, cycleId, name) values (?, ?, 'All')`).run(categoryId, cycleId);
const projects: { id: string; cost: number; popularity: number }[] = [];
// mulberry32: a small, well-mixed PRNG, so the simulated ballots are varied and the run repeatable.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = 0; i < P; i++) {
  const pid = id();
  const cost = Math.round(100_000_00 + random() * 900_000_00);
  projects.push({ id: pid, cost, popularity: 0.05 + random() * 0.5 });
  db.prepare(`insert into Proposal (id, number, cycleId, districtId, categoryId, status, title, description, updatedAt) values (?, ?, ?, ?, ?, 'feasible', ?, '', CURRENT_TIMESTAMP)`).run(pid, i + 1, cycleId, districtId, categoryId, `Project ${i + 1}`);
  const eid = id();
  db.prepare(`insert into CostEstimate (id, proposalId, totalCents, feasible, publicReason) values (?, ?, ?, 1, 'bench')`).run(eid, pid, cost);
}
const insertBallot = db.prepare(`insert into Ballot (id, cycleId, districtId, tracker, choices) values (?, ?, ?, ?, ?)`);
let selections = 0;
db.transaction(() => {
  for (let b = 0; b < N; b++) {
    const bid = id();
    const chosen: number[] = [];
    let spent = 0;
    projects.forEach((p, i) => {
      if (random() < p.popularity && spent + p.cost <= budgetCents) {
        chosen.push(i + 1);
        spent += p.cost;
      }
    });
    selections += chosen.length;
    insertBallot.run(bid, cycleId, districtId, bid.slice(0, 18), chosen.join(","));
  }
})();
db.close();
const fillMs = performance.now() - fillStart;

// --- Timed: the PB office's tally and publication ---------------------------
const { runTally, publishResults, latestResults } = await import("~/db/results.server");
const { prisma } = await import("~/db/client.server");
const actor = { id: adminId, name: "Bench admin", email: "bench@x", roles: ["admin" as const], agencyId: null };
await prisma.cycle.count(); // connect before timing
const profiler = values.profile ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.start");
}
const t0 = performance.now();
const [run] = await runTally(cycleId, actor);
const t1 = performance.now();
await publishResults(cycleId, actor);
const t2 = performance.now();
if (profiler) {
  const { profile } = await profiler.post("Profiler.stop");
  writeFileSync(values.profile!, JSON.stringify(profile));
}
const [published] = await latestResults(cycleId, { publishedOnly: true });
const summary = JSON.parse(published.summary);

console.log(`ballots            ${N.toLocaleString("en")} (${selections.toLocaleString("en")} selections), ${P} projects, rule ${values.rule}`);
console.log(`fill (not timed)   ${(fillMs / 1000).toFixed(1)} s`);
console.log(`tally + stats      ${(t1 - t0).toFixed(0)} ms (run ${run.run}, ${published.projects.filter((p) => p.selected).length} winners)`);
console.log(`publish            ${(t2 - t1).toFixed(0)} ms`);
console.log(`total              ${(t2 - t0).toFixed(0)} ms  (target: under 1000 ms — ${t2 - t0 < 1000 ? "met" : "NOT met"})`);
const distinct = (await prisma.ballot.groupBy({ by: ["choices"], where: { districtId }, _count: { _all: true } })).length;
console.log(`distinct ballots   ${distinct.toLocaleString("en")}`);
console.log(`voters with a winner: ${summary.withAWinner.satisfied} of ${summary.withAWinner.voters}`);
await prisma.$disconnect();
