// Page weight: the JavaScript and CSS (gzip) each public page makes a phone download.
// Builds the app when there is no production build (or with --build), serves it on a
// freshly seeded database, opens each page in headless Chromium and prints a table.
// Fails (exit 1) when the ballot page loads more than 80 KB of JavaScript.
// Usage: npm run weight:pages -- [--build] [--port 3640] [--json] [--files]
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { BALLOT_JS_BUDGET, kb, measurePage, type PageWeight } from "./lib/page-weight";

const { values } = parseArgs({
  options: { build: { type: "boolean", default: false }, port: { type: "string", default: "3640" }, json: { type: "boolean", default: false }, files: { type: "boolean", default: false } },
});
const port = Number(values.port);
const base = `http://localhost:${port}`;
const dir = "data/weight";
const dbFile = `${dir}/civic-budget.db`;
const log = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);

if (values.build || !existsSync("build/server/index.js")) {
  log("Building the production bundle…");
  execSync("npm run build --silent -- --logLevel warn", { stdio: "inherit" });
}
rmSync(dir, { recursive: true, force: true });
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:./${dbFile}`, PORT: String(port), NODE_ENV: "production" };
execSync("npx prisma migrate deploy", { env, stdio: "pipe" });
execSync("npx tsx prisma/seed.ts", { env, stdio: "pipe" });

async function startServer(): Promise<ChildProcess> {
  const server = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    server.stdout!.on("data", (b: Buffer) => b.toString().includes("running") && resolve());
  });
  return server;
}

function launchOptions() {
  const system = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return existsSync(system) ? { executablePath: system, args: ["--headless", "--no-sandbox", "--disable-gpu"] } : {};
}

function unusedCode(slug: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db
      .prepare(`select v.code from VoterCode v join Cycle c on c.id = v.cycleId left join Participation p on p.voterCodeId = v.id where c.slug = ? and p.id is null and v.voidedAt is null order by v.code desc limit 1`)
      .get(slug) as { code: string };
    return row.code;
  } finally {
    db.close();
  }
}

/**
 * The public pages, each loaded cold (a new browser context: nothing cached), as a person
 * arriving on it downloads it. Pages behind a step (signed in, a voter code entered, a
 * ballot cast) get the cookies of a context that took the step, then load in a new one.
 */
async function measureAll(browser: Browser) {
  const results: { name: string; path: string; weight: PageWeight }[] = [];
  const cold = async (state?: Awaited<ReturnType<BrowserContext["storageState"]>>) => (await browser.newContext({ baseURL: base, storageState: state })).newPage();
  const run = async (name: string, path: string, page?: Page) => {
    const p = page ?? (await cold());
    const weight = await measurePage(p, () => p.goto(path));
    results.push({ name, path, weight });
    await p.context().close();
  };
  for (const [name, path] of [["home", "/"], ["ideas list", "/ideas"], ["vote code entry", "/vote"], ["results", "/results"], ["projects", "/projects"]] as const) await run(name, path);

  // The idea form needs a resident.
  const resident = await cold();
  await resident.goto("/login");
  await resident.getByLabel("Email").fill("resident@riverside.example");
  await resident.getByLabel("Password").fill("riverside-demo-2026");
  await resident.getByRole("button", { name: "Sign in" }).click();
  await resident.getByRole("button", { name: "Sign out" }).waitFor();
  await run("idea form", "/ideas/new", await cold(await resident.context().storageState()));

  // The ballot: a voter with an unused code of the knapsack cycle.
  const voter = await cold();
  await voter.goto("/vote");
  await voter.getByLabel("Voter code").fill(unusedCode("2026"));
  await voter.getByRole("button", { name: "Continue to my ballot" }).click();
  await voter.waitForURL("**/vote/ballot");
  const ballot = await cold(await voter.context().storageState());
  await run("ballot", "/vote/ballot", ballot);

  // The receipt is shown once, after the ballot is cast: cast it with the voter's cookies, then load it cold.
  const receipt = await cold(await voter.context().storageState());
  const ballotHtml = await receipt.request.get("/vote/ballot");
  const html = await ballotHtml.text();
  if (!html.includes(`name="project"`)) throw new Error(`the ballot page answered ${ballotHtml.status()} ${ballotHtml.url()}`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1];
  const project = /name="project"[^>]*value="([^"]+)"/.exec(html)![1];
  const cast = await receipt.request.post("/vote/ballot", { form: { csrf, intent: "confirm", project }, maxRedirects: 0 });
  if (cast.headers().location !== "/vote/receipt") throw new Error(`casting the ballot answered ${cast.status()} ${cast.headers().location}`);
  await run("receipt", "/vote/receipt", receipt);
  await voter.context().close();
  await resident.context().close();
  return results;
}

let server: ChildProcess | null = null;
let browser: Browser | null = null;
try {
  server = await startServer();
  browser = await chromium.launch(launchOptions());
  // A page's first visit downloads everything (no cache): each page gets its own browser context.
  const results = await measureAll(browser);
  const ballot = results.find((r) => r.name === "ballot")!;
  const ok = ballot.weight.js <= BALLOT_JS_BUDGET;
  if (values.json) {
    console.log(JSON.stringify({ budget: { page: "ballot", jsGzipBytes: BALLOT_JS_BUDGET }, ok, pages: results.map((r) => ({ page: r.name, path: r.path, jsGzipBytes: r.weight.js, cssGzipBytes: r.weight.css, files: r.weight.files })) }, null, 2));
  } else {
    log(`${"page".padEnd(18)}${"path".padEnd(16)}${"JS (gzip)".padStart(11)}${"CSS (gzip)".padStart(12)}`);
    for (const r of results) {
      log(`${r.name.padEnd(18)}${r.path.padEnd(16)}${kb(r.weight.js).padStart(11)}${kb(r.weight.css).padStart(12)}`);
      if (values.files) for (const f of r.weight.files) log(`    ${f.type.padEnd(4)}${kb(f.gzip).padStart(10)}  ${f.url}`);
    }
    log(`\nBallot page JavaScript: ${kb(ballot.weight.js)} of a ${kb(BALLOT_JS_BUDGET)} budget: ${ok ? "OK" : "OVER BUDGET"}`);
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser?.close();
  server?.kill("SIGTERM");
}
