import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

// The load, fault and robustness scripts in a reduced form (their npm scripts run them in full).
// They start their own production server on their own database and port.
const run = (script: string, ...args: string[]) =>
  execFileSync("npx", ["tsx", `scripts/${script}.ts`, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 170_000 });

test.describe.configure({ timeout: 420_000 });

test("load: every acknowledged ballot is stored, none doubled", () => {
  const out = run("load-vote", "--voters", "300", "--concurrency", "20", "--port", "3421");
  expect(out).toMatch(/acknowledged 300, stored 300, participations 300, errors 0/);
});

test("fault: a server killed mid-vote loses no acknowledged ballot and doubles none", () => {
  const out = run("fault-vote", "--voters", "300", "--concurrency", "20", "--kill-after", "80", "--port", "3423");
  expect(out).toMatch(/acknowledged-but-missing 0/);
  expect(out).toMatch(/final: ballots 300, participations 300, codes 300/);
  expect(out).toContain("OK: no acknowledged ballot lost, none doubled.");
});

test("robustness: malformed requests at every action never get a 5xx", () => {
  const out = run("fuzz-actions", "--requests", "600", "--port", "3422");
  expect(out).toContain("No 5xx: every malformed request got a 4xx or a redirect.");
  expect(out).toContain("server still answering: yes");
});
