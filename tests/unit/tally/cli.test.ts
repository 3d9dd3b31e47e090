import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const DATA = path.resolve(process.cwd(), "../shared/data/pabulib");
const SCRIPT = path.resolve(process.cwd(), "scripts/tally.ts");

function tally(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, ...args], { encoding: "utf8", timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "tally-cli-"));
const sample = path.join(tmp, "sample.pb");
writeFileSync(
  sample,
  [
    "META",
    "key;value",
    "budget;300.0",
    "vote_type;approval",
    "PROJECTS",
    "project_id;cost;name",
    "A;200;Park",
    "B;100;Library",
    "C;250;Pool",
    "VOTES",
    "voter_id;vote",
    "1;A,C",
    "2;A,C",
    "3;B",
    "",
  ].join("\r\n"),
);

describe("npm run tally", () => {
  it("prints only the JSON object, as the README shows it run", () => {
    const r = spawnSync("npm", ["run", "tally", "--", sample, "--rule", "mes", "--json"], { encoding: "utf8", timeout: 60000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rule: "mes", winners: ["A", "B"], cost: 300, budget: 300, voters: 3 });
  });
});

describe("scripts/tally.ts", () => {
  it("prints exactly one JSON object with --json", () => {
    for (const rule of ["greedy", "mes", "mes-add1"]) {
      const r = tally(sample, "--rule", rule, "--json");
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe("");
      const lines = r.stdout.trim().split("\n");
      expect(lines).toHaveLength(1);
      const out = JSON.parse(lines[0]);
      expect(Object.keys(out)).toEqual(["rule", "winners", "cost", "budget", "voters"]);
      expect(out.rule).toBe(rule);
      expect(out.budget).toBe(300);
      expect(out.voters).toBe(3);
      // greedy: A (2 votes) then C does not fit, B fits -> A, B; MES: A then B.
      expect(out.winners).toEqual(["A", "B"]);
      expect(out.cost).toBe(300);
    }
  }, 60000);

  it("prints a readable table without --json, with the ballots' SHA-256 as the results page computes it", () => {
    const r = tally(sample, "--rule", "mes");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/winners \(2\): A, B/);
    expect(r.stdout).toMatch(/80\.0% of the cost/);
    // The vote fields "A,C", "A,C", "B", sorted, joined with newlines.
    expect(r.stdout).toContain(`ballots SHA-256: ${createHash("sha256").update("A,C\nA,C\nB").digest("hex")}`);
  }, 60000);

  it("says on stderr when a file contradicts itself, and still answers", () => {
    const edited = path.join(tmp, "edited.pb");
    writeFileSync(edited, readFileSync(sample, "utf8").replace("budget;300.0", "budget;300.0\r\nnum_votes;97"));
    const r = tally(edited, "--rule", "mes", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).voters).toBe(3);
    expect(r.stderr.trim()).toBe(`tally: warning: ${edited}:4: num_votes is 97 but the file has 3 vote rows`);
  }, 60000);

  it("run directly, reads a relative path from its own folder even where npm set INIT_CWD for something else", () => {
    // tsx named by its file: from another folder, "tsx" would not resolve.
    const tsx = pathToFileURL(path.resolve(process.cwd(), "node_modules/tsx/dist/loader.mjs")).href;
    const r = spawnSync(process.execPath, ["--import", tsx, SCRIPT, "sample.pb", "--rule", "mes", "--json"], { cwd: tmp, encoding: "utf8", timeout: 60000, env: { ...process.env, INIT_CWD: os.homedir(), npm_lifecycle_event: "test" } });
    expect(r.status, r.stderr).toBe(0);
    const missing = spawnSync(process.execPath, ["--import", tsx, SCRIPT, "nope.pb", "--rule", "mes"], { cwd: tmp, encoding: "utf8", timeout: 60000 });
    // The path it tried, in full.
    expect(missing.stderr.trim()).toBe(`tally: cannot read ${path.join(tmp, "nope.pb")} (ENOENT)`);
  }, 60000);

  it("finds a file named relative to the folder npm was run from", () => {
    const r = spawnSync("npm", ["--prefix", process.cwd(), "run", "tally", "--", "sample.pb", "--rule", "mes", "--json"], { cwd: tmp, encoding: "utf8", timeout: 60000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).winners).toEqual(["A", "B"]);
  }, 60000);

  it("fails with one line on stderr for a bad rule or a bad file", () => {
    const badRule = tally(sample, "--rule", "borda");
    expect(badRule.code).not.toBe(0);
    expect(badRule.stdout).toBe("");
    expect(badRule.stderr.trim().split("\n")).toHaveLength(1);
    expect(badRule.stderr).toMatch(/unknown rule "borda"/);

    const noRule = tally(sample, "--json");
    expect(noRule.code).toBe(2);
    expect(noRule.stdout).toBe("");
    expect(noRule.stderr.trim().split("\n")).toHaveLength(1);
    expect(noRule.stderr).toMatch(/^tally: missing --rule \(one of greedy, mes, mes-add1\)/);

    const bad = path.join(tmp, "bad.pb");
    writeFileSync(bad, "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;ten\nVOTES\nvoter_id;vote\n");
    const badFile = tally(bad, "--rule", "mes", "--json");
    expect(badFile.code).toBe(1);
    expect(badFile.stdout).toBe("");
    expect(badFile.stderr.trim()).toBe(`tally: ${bad}:7: project "1": cost must be a number, found "ten"`);

    const missing = tally(path.join(tmp, "nope.pb"), "--rule", "mes");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  }, 60000);

  describe("ranked files: which points, and why", () => {
    // Greedy, 3 projects of cost 1, budget 2. Top-k (k = 2): c 6, a 4, b 2 → a, c. Reference Borda: a 2, b 0, c 0 → a, b.
    const ranked = (name: string, ...meta: string[]) => {
      const file = path.join(tmp, name);
      writeFileSync(file, ["META", "key;value", "budget;2", "vote_type;ordinal", "max_length;2", ...meta, "PROJECTS", "project_id;cost;score", "a;1;4", "b;1;2", "c;1;6", "VOTES", "voter_id;vote", "1;a,b", "2;a,b", "3;c", "4;c", "5;c", ""].join("\n"));
      return file;
    };
    /** The score column of the readable table, by project id. */
    const scores = (stdout: string) =>
      Object.fromEntries([...stdout.matchAll(/^\s*\d+\s+(\w+)\s+\d+\s+(\d+)\s+(?:yes|-)/gm)].map((m) => [m[1], Number(m[2])]));

    it("counts a file whose META says ordinal_points;top-k with top-k points, and says so", () => {
      const file = ranked("ours.pb", "ordinal_points;top-k");
      const json = tally(file, "--rule", "greedy", "--json");
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout).winners).toEqual(["a", "c"]);
      const table = tally(file, "--rule", "greedy");
      expect(table.stdout).toContain("vote type ordinal (top-k points, k = 2, from the file's META)");
      // The points the file's own score column gives.
      expect(scores(table.stdout)).toEqual({ a: 4, b: 2, c: 6 });
      // An explicit flag still wins.
      const flagged = tally(file, "--rule", "greedy", "--ordinal-points", "reference");
      expect(flagged.stdout).toContain("(reference points, from --ordinal-points)");
      expect(scores(flagged.stdout)).toEqual({ a: 2, b: 0, c: 0 });
      expect(JSON.parse(tally(file, "--rule", "greedy", "--json", "--ordinal-points", "reference").stdout).winners).toEqual(["a", "b"]);
    }, 60000);

    it("uses reference points for a file that does not say, and says why", () => {
      const table = tally(ranked("pabulib.pb"), "--rule", "greedy");
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toContain("vote type ordinal (reference points, default for Pabulib files)");
      expect(scores(table.stdout)).toEqual({ a: 2, b: 0, c: 0 });
      expect(table.stdout).toMatch(/winners \(2\): a, b/);
    }, 60000);

    it("refuses any other ordinal_points with one line naming it, unless a flag chooses the points", () => {
      const file = ranked("odd.pb", "ordinal_points;borda");
      const r = tally(file, "--rule", "greedy", "--json");
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`tally: ${file}:6: ordinal_points must be reference or top-k, found "borda"\n`);
      const flagged = tally(file, "--rule", "greedy", "--json", "--ordinal-points", "top-k");
      expect(flagged.code).toBe(0);
      expect(JSON.parse(flagged.stdout).winners).toEqual(["a", "c"]);
      expect(flagged.stderr).toMatch(/^tally: warning: .*odd\.pb:6: ordinal_points must be reference or top-k, found "borda" \(not used/);
    }, 60000);
  });

  it.skipIf(!existsSync(DATA))("uses top-k ordinal points on request", () => {
    const file = path.join(DATA, "Poland_Krakow_2018_Grzegorzki.pb");
    const ref = JSON.parse(tally(file, "--rule", "greedy", "--json").stdout);
    const topk = JSON.parse(tally(file, "--rule", "greedy", "--json", "--ordinal-points", "top-k").stdout);
    expect(ref.voters).toBe(1259);
    expect(topk.voters).toBe(1259);
    expect(Array.isArray(topk.winners)).toBe(true);
  }, 60000);
});
