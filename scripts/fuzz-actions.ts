// Robustness: sends N malformed, oversized and wrong-typed requests at every action
// of a production build (on a fresh demo database) and checks that each gets a 4xx
// (or a redirect) with a message, never a 5xx, and that the server stays up.
// Usage: npm run fuzz:actions -- [--requests 10000] [--concurrency 16]
import { execSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { Agent, request } from "undici";
import { startServer } from "./lib/voting-fixture";

const { values } = parseArgs({ options: { requests: { type: "string", default: "10000" }, concurrency: { type: "string", default: "16" }, port: { type: "string", default: "3412" } } });
const N = Number(values.requests);
const PORT = Number(values.port);
const base = `http://127.0.0.1:${PORT}`;
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "file:./data/fuzz/civic-budget.db", NODE_ENV: "production", PORT: String(PORT), COOKIE_SECURE: "false" };

rmSync("data/fuzz", { recursive: true, force: true });
if (!existsSync("build/server/index.js")) execSync("npm run build --silent", { stdio: "inherit" });
execSync("npx prisma migrate deploy && npx tsx prisma/seed.ts", { stdio: "pipe", env });
const db = new Database("data/fuzz/civic-budget.db", { readonly: true });
const one = (sql: string) => (db.prepare(sql).get() as { id: string }).id;
const ids = {
  idea: one("select id from Idea limit 1"),
  proposal: one("select id from Proposal limit 1"),
  project: one("select id from Project limit 1"),
  slug: (db.prepare("select slug as id from Cycle limit 1").get() as { id: string }).id,
  agency: one("select id from Agency limit 1"),
};
db.close();

const ACTIONS = [
  "/login", "/signup", "/forgot-password", "/reset-password", "/confirm-email", "/logout", "/ideas/new", `/ideas/${ids.idea}`, "/proposals/new", `/proposals/${ids.proposal}`,
  `/proposals/${ids.proposal}/edit`, `/costing/${ids.proposal}`, "/vote", "/vote/ballot", "/admin/cycles/new",
  `/admin/cycles/${ids.slug}`, `/projects/${ids.project}`, "/ideas/does-not-exist", "/results/export.csv?cycle=%00",
  "/comments", "/follows", "/admin/cycles/youth-2027/import-ideas", "/admin/cycles/2026/paper",
  "/account", "/admin/people", `/translate/agency/${ids.agency}`, `/translate/proposal/${ids.proposal}`, `/costing/${ids.proposal}/hand-back`, `/costing/${ids.proposal}/assign`,
];
const FIELDS = ["csrf", "intent", "title", "description", "districtId", "categoryId", "code", "project", "email", "password", "name",
  "items[0].quantity", "items[0].unitCost", "items[-1].description", "verdict", "publicReason", "agencyId", "status", "percentComplete",
  "postedOn", "note", "reason", "body", "token", "targetType", "targetId", "channel", "commentId", "follow", "csv", "site", "skipInvalid", "into", "ballotMethod", "maxRanks", "districts[0].budget", "count", "rank-x", "slug", "current", "understood", "confirmPublish", "back", "role", "userId", "newAgency", "lead", "locale", "__proto__", "constructor"];

let seed = 7;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
const junk = () =>
  pick([
    "", " ", "x".repeat(1 + Math.floor(rnd() * 5000)), "-1", "1e309", "NaN", "0x10", "9".repeat(40), "<script>alert(1)</script>",
    "' OR 1=1 --", "\u0000\uffff\ud800", "😀".repeat(50), "[object Object]", "true", "2026-13-45", "../../etc/passwd", "%00", "{}",
    // Intents that lead past the first step (the paper page's check-in, ballots from the box and spoiled ballots).
    "check-in", "box", "box-spoil", "spoil", "confirm",
    // The account page's and the People page's forms.
    "name", "password", "close", "grant", "revoke", "yes", "account",
  ]);

const agent = new Agent({ connections: Number(values.concurrency) });
// The server's error log lines (JSON), shown when a request got a 5xx.
let serverErrors = "";
const server = await startServer(env, [], { onLog: (line) => (line.includes('"level":"error"') || line.includes('"level":"fatal"')) && (serverErrors += `${line}\n`) });

// Real sessions and tokens too, so requests also get past the first checks.
async function session(email?: string) {
  const page = await request(`${base}/login`, { dispatcher: agent });
  const jar = [page.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]);
  const token = /name="csrf" value="([^"]+)"/.exec(await page.body.text())![1];
  if (email) {
    const r = await request(`${base}/login`, { method: "POST", dispatcher: agent, headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") }, body: new URLSearchParams({ csrf: token, email, password: "riverside-demo-2026" }).toString() });
    await r.body.dump();
    jar.push(...[r.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]));
  }
  return { cookie: jar.join("; "), token };
}
const sessions = [await session(), await session("admin@riverside.example"), await session("resident@riverside.example"), await session("parks@riverside.example"), await session("delegate@riverside.example")];

function body(token: string): { headers: Record<string, string>; body: string | Buffer } {
  const kind = rnd();
  if (kind < 0.6) {
    const form = new URLSearchParams();
    if (rnd() < 0.8) form.append("csrf", rnd() < 0.9 ? token : junk());
    for (let i = Math.floor(rnd() * 8); i > 0; i--) form.append(pick(FIELDS), junk());
    return { headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() };
  }
  if (kind < 0.7) return { headers: { "content-type": "application/json" }, body: JSON.stringify({ csrf: token, title: junk(), items: [{ quantity: {} }] }) };
  if (kind < 0.8) return { headers: { "content-type": "multipart/form-data; boundary=zz" }, body: `--zz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${token}\r\n--zz--garbage` };
  if (kind < 0.9) return { headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.alloc(2_500_000, "a") };
  return { headers: { "content-type": pick(["text/plain", "application/xml", "image/png", ""]) }, body: junk() };
}

const statuses = new Map<number, number>();
const failures: string[] = [];
let sent = 0;
await Promise.all(
  Array.from({ length: Number(values.concurrency) }, async () => {
    while (sent < N) {
      sent++;
      const s = pick(sessions);
      const path = pick(ACTIONS);
      const b = body(s.token);
      try {
        const res = await request(`${base}${path}`, { method: "POST", dispatcher: agent, headers: { ...b.headers, cookie: s.cookie }, body: b.body });
        const text = await res.body.text();
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ${path} ${b.headers["content-type"]}: ${text.slice(0, 120)}`);
      } catch (error) {
        failures.push(`no answer for ${path}: ${String(error)}`);
      }
    }
  }),
);
const home = await request(`${base}/`, { dispatcher: agent });
await home.body.dump(); // (an unread body would hold the connection, and the graceful shutdown, open)
const alive = home.statusCode;
server.kill("SIGTERM");
await agent.close();
console.log(`requests ${N}; status codes: ${[...statuses.entries()].sort().map(([s, n]) => `${s}×${n}`).join(", ")}`);
console.log(`server still answering: ${alive === 200 ? "yes" : `no (${alive})`}`);
if (failures.length) {
  console.error(`${failures.length} requests got a 5xx or no answer; first ones:\n${failures.slice(0, 8).join("\n")}`);
  if (serverErrors) console.error(serverErrors.slice(0, 2000));
  process.exit(1);
}
console.log("No 5xx: every malformed request got a 4xx or a redirect.");
