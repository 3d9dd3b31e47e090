// Load test: N voters cast ballots through the real pages of a production build,
// C at a time, then the database is checked: ballots stored = ballots acknowledged.
// Usage: npm run load:vote -- [--voters 3000] [--concurrency 100]
// Each voter does what a person does: open /vote, enter the code, confirm the ballot.
import { execSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";

const { values } = parseArgs({ options: { voters: { type: "string", default: "3000" }, concurrency: { type: "string", default: "100" }, port: { type: "string", default: "3411" } } });
const VOTERS = Number(values.voters);
const CONCURRENCY = Number(values.concurrency);
const PORT = Number(values.port);
const base = `http://127.0.0.1:${PORT}`;

rmSync("data/load", { recursive: true, force: true });
mkdirSync("data/load", { recursive: true });
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "file:./data/load/vote.db", NODE_ENV: "production", PORT: String(PORT), COOKIE_SECURE: "false" };
process.env.DATABASE_URL = env.DATABASE_URL;
if (!existsSync("build/server/index.js")) execSync("npm run build --silent", { stdio: "inherit" });
execSync("npx prisma migrate deploy", { stdio: "pipe", env });

// A cycle in its vote: one district, five feasible proposals, N voter codes.
const { prisma } = await import("~/db/client.server");
const { createCycle, generateVoterCodes } = await import("~/db/cycles.server");
const { DEFAULT_BALLOT_RULES } = await import("~/domain/cycles/rules-schema");
const admin = await prisma.user.create({ data: { email: "load@x", name: "Load admin", passwordHash: "x", roles: { create: [{ role: "admin" }] } } });
const actor = { id: admin.id, name: admin.name, email: admin.email, roles: ["admin" as const], agencyId: null };
const cycle = await createCycle({ name: "Load", slug: "load", description: "", currency: "USD", ...DEFAULT_BALLOT_RULES, districts: [{ name: "City", budget: 1_000_000_00, population: 0 }], categories: ["All"] }, actor);
const district = await prisma.district.findFirstOrThrow({ where: { cycleId: cycle.id } });
const category = await prisma.category.findFirstOrThrow({ where: { cycleId: cycle.id } });
const proposalIds: string[] = [];
for (let i = 1; i <= 5; i++) {
  const p = await prisma.proposal.create({
    data: { number: i, cycleId: cycle.id, districtId: district.id, categoryId: category.id, status: "feasible", title: `Project ${i}`, description: "Load test", costEstimates: { create: { totalCents: 100_000_00, feasible: true, publicReason: "load" } } },
  });
  proposalIds.push(p.id);
}
await prisma.cycle.update({ where: { id: cycle.id }, data: { phase: "voting" } });
await generateVoterCodes(cycle.id, district.id, VOTERS, "load", actor);
const codes = (await prisma.voterCode.findMany({ where: { cycleId: cycle.id }, select: { code: true } })).map((c) => c.code);

const server = spawn("node", [...(process.env.LOAD_NODE_ARGS ?? "").split(" ").filter(Boolean), "server.js"], { env, stdio: ["ignore", "pipe", "inherit"] });
await new Promise<void>((resolve) => server.stdout!.on("data", (b: Buffer) => b.toString().includes("running") && resolve()));

const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
const cookiesFrom = (headers: Record<string, string | string[] | undefined>) =>
  [headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]);

async function vote(code: string, choice: string[]) {
  const jar = new Map<string, string>();
  const keep = (h: Record<string, string | string[] | undefined>) => cookiesFrom(h).forEach((c) => jar.set(c.split("=")[0], c));
  const cookie = () => [...jar.values()].join("; ");
  const page = await request(`${base}/vote`, { dispatcher: agent });
  keep(page.headers);
  const token = /name="csrf" value="([^"]+)"/.exec(await page.body.text())![1];
  const form = (fields: [string, string][]) => new URLSearchParams([["csrf", token], ...fields]).toString();
  const post = (path: string, body: string) =>
    request(`${base}${path}`, { method: "POST", dispatcher: agent, body, headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() } });
  const entered = await post("/vote", form([["code", code]]));
  await entered.body.dump();
  keep(entered.headers);
  if (entered.statusCode !== 302) throw new Error(`code entry answered ${entered.statusCode}`);
  const started = performance.now();
  const cast = await post("/vote/ballot", form([["intent", "confirm"], ...choice.map((id) => ["project", id] as [string, string])]));
  await cast.body.dump();
  const ms = performance.now() - started;
  if (cast.statusCode !== 302 || cast.headers.location !== "/vote/receipt") throw new Error(`cast answered ${cast.statusCode} ${cast.headers.location}`);
  return ms;
}

const latencies: number[] = [];
let errors = 0;
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < codes.length) {
      const i = next++;
      try {
        latencies.push(await vote(codes[i], proposalIds.filter((_, j) => (i + j) % 2 === 0)));
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

const stored = await prisma.ballot.count({ where: { cycleId: cycle.id } });
const participations = await prisma.participation.count({ where: { cycleId: cycle.id } });
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1) ?? "-";
console.log(`voters ${VOTERS}, concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s`);
console.log(`ballots/s ${(latencies.length / seconds).toFixed(0)} (full voter flows: open /vote, enter code, cast)`);
console.log(`cast latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}`);
console.log(`acknowledged ${latencies.length}, stored ${stored}, participations ${participations}, errors ${errors}`);
await prisma.$disconnect();
if (stored !== latencies.length || participations !== stored) {
  console.error("MISMATCH: stored ballots differ from acknowledged ballots");
  process.exit(1);
}
