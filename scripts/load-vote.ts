// Load test: N voters cast ballots through the real pages of a production build,
// C at a time, then the database is checked: ballots stored = ballots acknowledged.
// Usage: npm run load:vote -- [--voters 3000] [--concurrency 100]
import { parseArgs } from "node:util";
import { Agent } from "undici";
import { prepareVotingDatabase, startServer, vote } from "./lib/voting-fixture";

const { values } = parseArgs({ options: { voters: { type: "string", default: "3000" }, concurrency: { type: "string", default: "100" }, port: { type: "string", default: "3411" } } });
const CONCURRENCY = Number(values.concurrency);
const base = `http://127.0.0.1:${values.port}`;
const { prisma, env, cycleId, codes, proposalIds } = await prepareVotingDatabase("data/load", Number(values.voters), Number(values.port));
const server = await startServer(env, (process.env.LOAD_NODE_ARGS ?? "").split(" ").filter(Boolean));
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
        const outcome = await vote(base, agent, codes[i], proposalIds.filter((_, j) => (i + j) % 2 === 0));
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
server.kill("SIGTERM");
await agent.close();

const stored = await prisma.ballot.count({ where: { cycleId } });
const participations = await prisma.participation.count({ where: { cycleId } });
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? "-";
console.log(`voters ${codes.length}, concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s`);
console.log(`ballots/s ${(latencies.length / seconds).toFixed(0)} (full voter flows: open /vote, enter code, cast)`);
console.log(`cast latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}`);
console.log(`acknowledged ${latencies.length}, stored ${stored}, participations ${participations}, errors ${errors}`);
await prisma.$disconnect();
if (stored !== latencies.length || participations !== stored) {
  console.error("MISMATCH: stored ballots differ from acknowledged ballots");
  process.exit(1);
}
