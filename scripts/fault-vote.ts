// Fault test: voters cast ballots concurrently, the server is killed with SIGKILL in
// the middle, restarted, and everyone votes again. Every ballot acknowledged before
// the crash must be there, and no code may have two ballots.
// Usage: npm run fault:vote -- [--voters 1500] [--concurrency 50] [--kill-after 400]
// With DATABASE_URL=postgresql://… it runs on a new database beside that one (dropped after).
import { parseArgs } from "node:util";
import { Agent } from "undici";
import { prepareVotingDatabase, startServer, vote } from "./lib/voting-fixture";

/** Ballots stored, mixed into Ballot or still sealed (see SealedBallot). */
const ballotsStored = async (cycleId: string) => (await prisma.ballot.count({ where: { cycleId } })) + (await prisma.sealedBallot.count({ where: { cycleId } }));

const { values } = parseArgs({
  options: { voters: { type: "string", default: "1500" }, concurrency: { type: "string", default: "50" }, "kill-after": { type: "string", default: "400" }, port: { type: "string", default: "3413" } },
});
const base = `http://127.0.0.1:${values.port}`;
const KILL_AFTER = Number(values["kill-after"]);
const postgresUrl = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined;
const { prisma, env, cycleId, codes, proposalIds, cleanup } = await prepareVotingDatabase("data/fault", Number(values.voters), Number(values.port), { postgresUrl });
const choice = (i: number) => proposalIds.filter((_, j) => (i + j) % 2 === 0);

async function round(label: string, codes: readonly string[], onAcknowledged: (ack: number) => void) {
  const agent = new Agent({ connections: Number(values.concurrency) });
  const acknowledged = new Set<string>();
  const failed = new Set<string>();
  let already = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(values.concurrency) }, async () => {
      while (next < codes.length) {
        const code = codes[next++];
        try {
          const outcome = await vote(base, agent, code, choice(code.charCodeAt(0)));
          if (outcome.kind === "cast") {
            acknowledged.add(code);
            onAcknowledged(acknowledged.size);
          } else already++;
        } catch {
          failed.add(code);
        }
      }
    }),
  );
  await agent.destroy();
  console.log(`${label}: acknowledged ${acknowledged.size}, already voted ${already}, no answer ${failed.size}`);
  return acknowledged;
}

let server = await startServer(env);
let killed = false;
const beforeCrash = await round("before the crash", codes, (n) => {
  if (!killed && n >= KILL_AFTER) {
    killed = true;
    server.kill("SIGKILL");
  }
});

server = await startServer(env);
const afterRestart = await prisma.participation.findMany({ where: { cycleId }, select: { voterCode: { select: { code: true } } } });
const storedCodes = new Set(afterRestart.map((p) => p.voterCode!.code));
const lost = [...beforeCrash].filter((c) => !storedCodes.has(c));
const storedBallots = await ballotsStored(cycleId);
console.log(`after restart: ballots ${storedBallots}, participations ${storedCodes.size}, acknowledged-but-missing ${lost.length}, committed-but-unacknowledged ${storedCodes.size - beforeCrash.size}`);

// Everyone without a receipt tries again: a ballot that was stored but not acknowledged
// is reported as already cast; the others vote now.
await round("second round", codes.filter((c) => !beforeCrash.has(c)), () => undefined);
server.kill("SIGTERM");
const ballots = await ballotsStored(cycleId);
const participations = await prisma.participation.count({ where: { cycleId } });
console.log(`final: ballots ${ballots}, participations ${participations}, codes ${codes.length}`);
await cleanup();
const ok = lost.length === 0 && storedBallots === storedCodes.size && ballots === participations && participations === codes.length;
console.log(ok ? "OK: no acknowledged ballot lost, none doubled." : "FAILED: ballots lost or doubled.");
process.exit(ok ? 0 : 1);
