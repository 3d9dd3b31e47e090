// Shared by the load and fault scripts and the server tests: a fresh database with a cycle in
// its vote, production servers to start, and one voter's walk through the real pages.
// The database is a SQLite file in `dir`, or, when `postgresUrl` is given, a new PostgreSQL
// database beside the one it names (dropped by `cleanup`; the named database is not touched).
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { request, type Agent } from "undici";
import { createSiblingDatabase, dropDatabase } from "./pg-admin";

export async function prepareVotingDatabase(dir: string, voters: number, port: number, opts: { postgresUrl?: string } = {}) {
  let databaseUrl: string;
  if (opts.postgresUrl) {
    databaseUrl = await createSiblingDatabase(opts.postgresUrl, `vote_${randomBytes(4).toString("hex")}`);
  } else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    databaseUrl = `file:./${dir}/vote.db`;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    PORT: String(port),
    COOKIE_SECURE: "false",
    // One secret for every instance, as in production.
    SESSION_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  process.env.DATABASE_URL = env.DATABASE_URL;
  if (!existsSync("build/server/index.js")) execSync("npm run build --silent", { stdio: "inherit" });
  execSync("npx prisma migrate deploy", { stdio: "pipe", env });
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
  await generateVoterCodes(cycle.id, district.id, voters, "load", actor);
  const codes = (await prisma.voterCode.findMany({ where: { cycleId: cycle.id }, select: { code: true } })).map((c) => c.code);
  const cleanup = async () => {
    await prisma.$disconnect();
    if (opts.postgresUrl) await dropDatabase(opts.postgresUrl, databaseUrl);
  };
  return { prisma, env, cycleId: cycle.id, codes, proposalIds, cleanup };
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Starts `node server.js` with `env` (PORT in it) and resolves when its /healthz answers 200. */
/** `cwd`: where the process starts (server.js works from its own folder wherever that is). */
export async function startServer(env: NodeJS.ProcessEnv, nodeArgs: string[] = [], opts: { onLog?: (line: string) => void; cwd?: string } = {}): Promise<ChildProcess> {
  const server = spawn("node", [...nodeArgs, resolve("server.js")], { env, cwd: opts.cwd, stdio: ["ignore", opts.onLog ? "pipe" : "ignore", "inherit"] });
  if (opts.onLog) {
    let rest = "";
    server.stdout!.on("data", (b: Buffer) => {
      const lines = (rest + b.toString()).split("\n");
      rest = lines.pop()!;
      lines.forEach(opts.onLog!);
    });
  }
  let exited: number | null | undefined;
  server.on("exit", (code) => (exited = code));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`server.js exited with ${exited} before it was ready`);
    try {
      const res = await request(`http://127.0.0.1:${env.PORT}/healthz`);
      await res.body.dump();
      if (res.statusCode === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.kill("SIGKILL");
      throw new Error("server.js did not become ready within 60 s");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type VoteOutcome = { kind: "cast"; castMs: number } | { kind: "already-voted" };

/** One voter: open /vote, enter the code, confirm the ballot. Throws when the server does not answer as it should. */
export async function vote(base: string, agent: Agent, code: string, choice: string[]): Promise<VoteOutcome> {
  const entered = await enterCode(base, agent, code);
  return entered.kind === "already-voted" ? entered : entered.cast(choice);
}

/** Opens /vote and enters the code; the ballot can then be cast (on the same or another instance). */
export async function enterCode(base: string, agent: Agent, code: string): Promise<{ kind: "already-voted" } | { kind: "ballot"; cast: (choice: string[], castBase?: string) => Promise<VoteOutcome> }> {
  const jar = new Map<string, string>();
  const keep = (h: Record<string, string | string[] | undefined>) =>
    [h["set-cookie"] ?? []].flat().forEach((c) => jar.set(c.split("=")[0], c.split(";")[0]));
  const cookie = () => [...jar.values()].join("; ");
  const page = await request(`${base}/vote`, { dispatcher: agent });
  keep(page.headers);
  const token = /name="csrf" value="([^"]+)"/.exec(await page.body.text())![1];
  const form = (fields: [string, string][]) => new URLSearchParams([["csrf", token], ...fields]).toString();
  const post = (at: string, path: string, body: string) =>
    request(`${at}${path}`, { method: "POST", dispatcher: agent, body, headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() } });
  const entered = await post(base, "/vote", form([["code", code]]));
  const enteredText = await entered.body.text();
  keep(entered.headers);
  if (entered.statusCode === 400 && enteredText.includes("already been used")) return { kind: "already-voted" };
  if (entered.statusCode !== 302) throw new Error(`code entry answered ${entered.statusCode}`);
  return {
    kind: "ballot",
    async cast(choice, castBase = base) {
      const started = performance.now();
      const cast = await post(castBase, "/vote/ballot", form([["intent", "confirm"], ...choice.map((id) => ["project", id] as [string, string])]));
      await cast.body.dump();
      const castMs = performance.now() - started;
      if (cast.statusCode === 302 && cast.headers.location === "/vote?notice=already-voted") return { kind: "already-voted" };
      if (cast.statusCode !== 302 || cast.headers.location !== "/vote/receipt") throw new Error(`cast answered ${cast.statusCode} ${cast.headers.location}`);
      return { kind: "cast", castMs };
    },
  };
}
