// The production server's operations: /healthz, JSON logs with request ids, graceful shutdown.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { freePort, prepareVotingDatabase, startServer } from "../../scripts/lib/voting-fixture";

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
const logs: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  ({ env, cleanup } = await prepareVotingDatabase("data/test-server/ops", 3, port));
  env = { ...env, LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "20000" };
});
afterAll(async () => cleanup?.());

// Started from another folder, as a service manager may: the server works from its own.
async function start(): Promise<ChildProcess> {
  return startServer(env, [], { onLog: (line) => logs.push(line), cwd: tmpdir() });
}
const base = () => `http://127.0.0.1:${env.PORT}`;
const exited = (server: ChildProcess) => new Promise<number | null>((resolve) => (server.exitCode !== null ? resolve(server.exitCode) : server.on("exit", resolve)));

describe("the production server", () => {
  it("answers /healthz after asking the database, and logs JSON lines that carry the request id", async () => {
    const server = await start();
    try {
      const health = await request(`${base()}/healthz`);
      expect(health.statusCode).toBe(200);
      expect(health.headers["cache-control"]).toBe("no-store");
      expect(await health.body.json()).toMatchObject({ status: "ok", database: "sqlite" });

      const page = await request(`${base()}/vote`, { headers: { "x-request-id": "proxy-given-id-42" } });
      await page.body.dump();
      expect(page.headers["x-request-id"]).toBe("proxy-given-id-42");
      const own = await request(`${base()}/vote?code=secret`);
      await own.body.dump();
      const id = own.headers["x-request-id"] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((r) => setTimeout(r, 200));
      const lines = logs.map((l) => JSON.parse(l)); // every line is JSON
      const line = lines.find((l) => l.req?.id === id);
      expect(line).toMatchObject({ level: "info", req: { method: "GET", url: "/vote" }, res: { statusCode: 200 } });
      expect(JSON.stringify(line)).not.toContain("secret"); // no query strings, headers or cookies
      expect(lines.some((l) => l.req?.id === "proxy-given-id-42")).toBe(true);

      // The page's stylesheet is served (its path is the project folder's, not the working directory's), and not logged.
      const html = await (await request(`${base()}/vote`)).body.text();
      const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)![1];
      const sheet = await request(`${base()}${css}`, { headers: { "x-request-id": "asset-request-7" } });
      await sheet.body.dump();
      expect(sheet.statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      expect(logs.some((l) => l.includes("asset-request-7"))).toBe(false);
    } finally {
      server.kill("SIGKILL");
      await exited(server);
    }
  });

  it("refuses to start on a database without this release's migrations, saying what to run", async () => {
    const dir = "data/test-server/ops";
    const empty = { ...env, DATABASE_URL: `file:./${dir}/empty.db`, PORT: String(await freePort()) };
    rmSync(`${dir}/empty.db`, { force: true });
    const server = spawn("node", ["server.js"], { env: empty, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    server.stdout!.on("data", (b: Buffer) => (out += b.toString()));
    // "close": the process has exited and everything it wrote has been read.
    const code = await new Promise<number | null>((resolve) => server.on("close", resolve));
    rmSync(`${dir}/empty.db`, { force: true });
    expect(code).toBe(1);
    expect(out).toMatch(/The database lacks \d+ migration\(s\) of this release \(\d{14}_init, .*\): run npm run db:deploy/);
  });

  it("refuses a body over the size limit (413) and a body of unknown length (411), with a plain message", async () => {
    const server = await start();
    try {
      const big = await request(`${base()}/ideas/new`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `title=${"x".repeat(1_100_000)}`,
      });
      expect(big.statusCode).toBe(413);
      expect(await big.body.text()).toContain("too large");
      // No Content-Length: undici sends a stream in chunks.
      const chunks = (n: number) =>
        Readable.from(
          (function* () {
            for (let i = 0; i < n; i++) yield Buffer.from("title=".padEnd(100_000, "x"));
          })(),
        );
      const chunked = await request(`${base()}/ideas/new`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: chunks(3),
      });
      expect(chunked.statusCode).toBe(411);
      expect(await chunked.body.text()).toContain("Content-Length");
      // 5 MB in chunks: never read in full, the connection is cut past 1 MB.
      const endless = request(`${base()}/ideas/new`, { method: "POST", body: chunks(50) });
      await expect(endless.then((r) => r.body.dump())).rejects.toThrow();
      // A photo too large even for a project page: refused with the photo's own plain message.
      const hugePhoto = await request(`${base()}/projects/some-project.data`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: "x".repeat(13_000_000),
      });
      expect(hugePhoto.statusCode).toBe(413);
      expect(await hugePhoto.body.text()).toContain("This photo is too large to send: choose one of at most 5 MB.");
      const health = await request(`${base()}/healthz`); // and the server is fine
      expect(health.statusCode).toBe(200);
      await health.body.dump();
    } finally {
      server.kill("SIGKILL");
      await exited(server);
    }
  });

  it("served over plain HTTP with Secure cookies (the production default), a form says to use https://, and the log says why", async () => {
    const server = await startServer({ ...env, COOKIE_SECURE: "true" }, [], { onLog: (line) => logs.push(line) });
    try {
      const page = await request(`${base()}/login`);
      const csrf = /name="csrf" value="([^"]+)"/.exec(await page.body.text())![1];
      // A browser keeps no Secure cookie from an http:// page (but localhost's), so the form comes back without its cookie.
      const answer = await request(`${base()}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", host: "pb.example.org" },
        body: new URLSearchParams({ csrf, email: "someone@example.org", password: "a-password-123" }).toString(),
      });
      expect(answer.statusCode).toBe(403);
      expect(await answer.body.text()).toContain("This site works only over a secure connection. Open it with https://");
      await new Promise((r) => setTimeout(r, 200));
      expect(logs.some((l) => l.includes("while cookies are Secure (COOKIE_SECURE)"))).toBe(true);
    } finally {
      server.kill("SIGKILL");
      await exited(server);
    }
  });

  it("behind a proxy (TRUST_PROXY=true) takes the address the proxy saw, not one the client wrote into X-Forwarded-For", async () => {
    const server = await startServer({ ...env, TRUST_PROXY: "true" }, [], { onLog: (line) => logs.push(line) });
    try {
      const page = await request(`${base()}/login`);
      const cookie = [page.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]).join("; ");
      const csrf = /name="csrf" value="([^"]+)"/.exec(await page.body.text())![1];
      const statuses: number[] = [];
      // A script writes a new address into each request; the proxy appends the one it saw (as nginx's
      // $proxy_add_x_forwarded_for does). Wrong passwords for different accounts: only the address limit (30) applies.
      for (let i = 0; i < 31; i++) {
        const answer = await request(`${base()}/login`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `203.0.113.${i}, 198.51.100.7` },
          body: new URLSearchParams({ csrf, email: `guess-${i}@example.org`, password: "wrong-password-1" }).toString(),
        });
        await answer.body.dump();
        statuses.push(answer.statusCode);
      }
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
      expect(statuses[30]).toBe(429);
    } finally {
      server.kill("SIGKILL");
      await exited(server);
    }
  });

  it("on SIGTERM stops taking connections but finishes the request in flight, then exits 0", async () => {
    const server = await start();
    // A request in flight: its headers are sent, its body is still coming.
    const body = "email=nobody%40example.org&password=wrong-password-1&csrf=x";
    const socket = connect(Number(env.PORT), "127.0.0.1");
    await new Promise((r) => socket.on("connect", r));
    let answer = "";
    socket.on("data", (b) => (answer += b.toString()));
    const closed = new Promise((r) => socket.on("close", r));
    socket.write(`POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 300));

    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    expect(server.exitCode).toBeNull(); // still running: a request is in flight
    await expect(request(`${base()}/healthz`)).rejects.toThrow(); // no new connections

    socket.write(body.slice(10));
    await closed; // the server answers in full, then closes the connection
    expect(answer).toMatch(/^HTTP\/1\.1 (200|302|400|403|429) /);
    expect(await exited(server)).toBe(0);
    expect(logs.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
  });
});
