// Load test: N voters cast ballots through the real pages of a production build,
// C at a time, then the database is checked: ballots stored = ballots acknowledged.
// Usage: npm run load:vote -- [--voters 3000] [--concurrency 100] [--port 3411] [--instances 1]
// SQLite by default (data/load/vote.db). With DATABASE_URL=postgresql://… it runs on a new
// database beside that one (its user needs CREATEDB; dropped at the end). --instances N starts
// N servers on ports port…port+N-1 sharing the database; voters are spread over them in turn.
import { parseArgs } from "node:util";
import { Agent } from "undici";
import { prepareVotingDatabase, startServer, vote } from "./lib/voting-fixture";

/** Ballots stored, mixed into Ballot or still sealed (see SealedBallot). */
const ballotsStored = async (cycleId: string) => (await prisma.ballot.count({ where: { cycleId } })) + (await prisma.sealedBallot.count({ where: { cycleId } }));

const { values } = parseArgs({
  options: {
    voters: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "100" },
    port: { type: "string", default: "3411" },
    instances: { type: "string", default: "1" },
  },
});
const CONCURRENCY = Number(values.concurrency);
const INSTANCES = Number(values.instances);
const port = Number(values.port);
const postgresUrl = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined;
if (INSTANCES > 1 && !postgresUrl) console.warn("note: several instances on one SQLite file share one writer; PostgreSQL is the database for scaling out.");
const { prisma, env, cycleId, codes, proposalIds, cleanup } = await prepareVotingDatabase("data/load", Number(values.voters), port, { postgresUrl });
const bases = Array.from({ length: INSTANCES }, (_, i) => `http://127.0.0.1:${port + i}`);
const servers = await Promise.all(
  bases.map((_, i) => startServer({ ...env, PORT: String(port + i) }, (process.env.LOAD_NODE_ARGS ?? "").split(" ").filter(Boolean))),
);
const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });

const latencies: number[] = [];
let errors = 0;
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < codes.length) {
      const i = next++;
      try {
        const outcome = await vote(bases[i % INSTANCES], agent, codes[i], proposalIds.filter((_, j) => (i + j) % 2 === 0));
        if (outcome.kind === "cast") latencies.push(outcome.castMs);
        else errors++;
      } catch (error) {
        errors++;
        if (errors <= 3) console.error(String(error));
      }
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
for (const server of servers) server.kill("SIGTERM");
await agent.close();

const stored = await ballotsStored(cycleId);
const participations = await prisma.participation.count({ where: { cycleId } });
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? "-";
console.log(`database ${postgresUrl ? "PostgreSQL" : "SQLite"}, instances ${INSTANCES}`);
console.log(`voters ${codes.length}, concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s`);
console.log(`ballots/s ${(latencies.length / seconds).toFixed(0)} (full voter flows: open /vote, enter code, cast)`);
console.log(`cast latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}`);
console.log(`acknowledged ${latencies.length}, stored ${stored}, participations ${participations}, errors ${errors}`);
await Promise.all(servers.map((s) => (s.exitCode === null ? new Promise((r) => s.on("exit", r)) : null)));
await cleanup();
if (stored !== latencies.length || participations !== stored) {
  console.error("MISMATCH: stored ballots differ from acknowledged ballots");
  process.exit(1);
}
