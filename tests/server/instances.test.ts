// Two app instances (production build, `node server.js`, two ports) on one PostgreSQL
// database: one voter code cast on both at once yields exactly one ballot, wrong voter-code
// guesses count against one limit, and a sign-in made on one instance is good on the other. Needs TEST_POSTGRES_URL (npm test sets none
// locally: skipped with a line saying so).
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, request } from "undici";
import { enterCode, freePort, prepareVotingDatabase, startServer } from "../../scripts/lib/voting-fixture";

const postgresUrl = process.env.TEST_POSTGRES_URL;
if (!postgresUrl) console.log("Two-instance PostgreSQL test skipped: TEST_POSTGRES_URL is not set.");

describe.skipIf(!postgresUrl)("two instances on one PostgreSQL database", () => {
  const VOTERS = 12;
  let fixture: Awaited<ReturnType<typeof prepareVotingDatabase>>;
  let servers: ChildProcess[] = [];
  let bases: string[] = [];
  const agent = new Agent({ connections: 50 });

  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    fixture = await prepareVotingDatabase("unused", VOTERS, ports[0], { postgresUrl });
    servers = await Promise.all(ports.map((port) => startServer({ ...fixture.env, PORT: String(port) })));
    bases = ports.map((port) => `http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    await agent.close(); // (first: kept-alive connections to stopped servers would only be reset)
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((s) => (s.exitCode === null ? new Promise((r) => s.on("exit", r)) : null)));
    await fixture?.cleanup();
  });

  it("stores exactly one ballot when one code is cast on both instances at the same moment", async () => {
    const { prisma, codes, cycleId, proposalIds } = fixture;
    for (const code of codes) {
      // Two people hold the same letter: each enters the code on a different instance…
      const [a, b] = await Promise.all(bases.map((base) => enterCode(base, agent, code)));
      if (a.kind !== "ballot" || b.kind !== "ballot") throw new Error("both should see the ballot");
      // …and both confirm at once.
      const outcomes = await Promise.all([a.cast([proposalIds[0]]), b.cast([proposalIds[1]])]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(["already-voted", "cast"]);
    }
    expect((await prisma.ballot.count({ where: { cycleId } })) + (await prisma.sealedBallot.count({ where: { cycleId } }))).toBe(codes.length);
    expect(await prisma.participation.count({ where: { cycleId } })).toBe(codes.length);
    // And the friendly answer on a later try, on either instance.
    for (const base of bases) expect(await enterCode(base, agent, codes[0])).toEqual({ kind: "already-voted" });
  });

  it("counts wrong voter-code guesses on both instances together (one limit, in the database)", async () => {
    const guess = async (base: string, code: string) => {
      const page = await request(`${base}/vote`, { dispatcher: agent });
      const cookie = [page.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]).join("; ");
      const csrf = /name="csrf" value="([^"]+)"/.exec(await page.body.text())![1];
      const answer = await request(`${base}/vote`, {
        method: "POST",
        dispatcher: agent,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrf, code }).toString(),
      });
      await answer.body.dump();
      return answer.statusCode;
    };
    // Wrong guesses, one instance after the other, until one is refused as too many: the limit
    // is 60 per address (two "already used" answers above counted too). Counted per instance,
    // it would take about 120.
    const letters = "ACDEFGHJKMNPQRTUVWXY34679";
    let wrong = 0;
    for (let i = 0; i < 130; i++) {
      const status = await guess(bases[i % 2], `QQQQ-QQQQ-${letters[i % 25]}${letters[Math.floor(i / 25)]}QQ`);
      if (status === 429) break;
      expect(status).toBe(400);
      wrong++;
    }
    expect(wrong).toBeGreaterThan(50);
    expect(wrong).toBeLessThanOrEqual(60);
    // Now both instances refuse, a real code included.
    for (const base of bases) expect(await guess(base, fixture.codes[1])).toBe(429);
  });

  it("keeps a sign-in made on one instance good on the other", async () => {
    const { prisma } = fixture;
    const { hashPassword } = await import("~/auth.server");
    await prisma.user.create({
      data: { email: "office@test.example", name: "PB Office Tester", passwordHash: await hashPassword("a-long-test-password"), roles: { create: [{ role: "admin" }] } },
    });
    const jar = new Map<string, string>();
    const keep = (h: Record<string, string | string[] | undefined>) => [h["set-cookie"] ?? []].flat().forEach((c) => jar.set(c.split("=")[0], c.split(";")[0]));
    const cookie = () => [...jar.values()].join("; ");

    const page = await request(`${bases[0]}/login`, { dispatcher: agent });
    keep(page.headers);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.body.text())![1];
    const signIn = await request(`${bases[0]}/login`, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
      body: new URLSearchParams({ csrf, email: "office@test.example", password: "a-long-test-password", redirectTo: "/admin" }).toString(),
    });
    await signIn.body.dump();
    expect(signIn.statusCode).toBe(302);
    keep(signIn.headers);

    const onOther = await request(`${bases[1]}/admin`, { dispatcher: agent, headers: { cookie: cookie() } });
    expect(onOther.statusCode).toBe(200);
    expect(await onOther.body.text()).toContain("PB Office Tester");
    const anonymous = await request(`${bases[1]}/admin`, { dispatcher: agent });
    await anonymous.body.dump();
    expect(anonymous.statusCode).toBe(302);
  });
});
