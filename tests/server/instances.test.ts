// Two app instances (production build, `node server.js`, two ports) on one PostgreSQL
// database: one voter code cast on both at once yields exactly one ballot, and a sign-in
// made on one instance is good on the other. Needs TEST_POSTGRES_URL (npm test sets none
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
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((s) => (s.exitCode === null ? new Promise((r) => s.on("exit", r)) : null)));
    await agent.close();
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
    expect(await prisma.ballot.count({ where: { cycleId } })).toBe(codes.length);
    expect(await prisma.participation.count({ where: { cycleId } })).toBe(codes.length);
    // And the friendly answer on a later try, on either instance.
    for (const base of bases) expect(await enterCode(base, agent, codes[0])).toEqual({ kind: "already-voted" });
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
