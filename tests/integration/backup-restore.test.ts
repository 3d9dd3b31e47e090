import "./fresh-db";
import "./upload-dir";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dialect, prisma } from "~/db/client.server";
import { sessionSecret } from "~/env.server";
import { makeCycle, makeUser } from "./fixtures";

// npm run backup / npm run restore, as an operator runs them, on this file's database
// (SQLite here, PostgreSQL in npm run test:pg).
const file = `${process.env.TEST_DATA_DIR ?? "data/test/run"}/backup-${randomUUID()}`;
const run = (script: string, ...args: string[]) =>
  execFileSync("npx", ["tsx", script, ...args], { env: { ...process.env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
/** A restore that should be refused: its exit status and what it wrote on stderr. */
const refusedRestore = (backupFile: string, env: Record<string, string> = {}) => {
  try {
    execFileSync("npx", ["tsx", "scripts/restore.ts", backupFile, "--yes"], { env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, stderr: "" };
  } catch (error) {
    return error as { status: number; stderr: string };
  }
};
afterAll(() => {
  rmSync(file, { force: true });
  rmSync(`${file}.photos`, { recursive: true, force: true });
  rmSync(`${file}.secret`, { force: true });
  rmSync(`${file}.sha256`, { force: true });
});

describe("backup and restore", () => {
  it("brings back the data as it was at the backup", async () => {
    const admin = await makeUser(["admin"]);
    const cycle = await makeCycle(admin, "ideas");
    const photo = `${process.env.UPLOAD_DIR}/update-photo.jpg`; // what a project update's photo leaves on disk
    mkdirSync(process.env.UPLOAD_DIR!, { recursive: true });
    writeFileSync(photo, "photo bytes");
    expect(run("scripts/backup.ts", "--out", file)).toContain("backup written");
    rmSync(photo); // lost with the disk

    // After the backup: a rename, a new cycle, a new audit entry.
    await prisma.cycle.update({ where: { id: cycle.id }, data: { name: "Renamed after the backup" } });
    const later = await makeCycle(admin, "draft");
    const auditBefore = await prisma.auditLog.count();

    expect(() => run("scripts/restore.ts", file)).toThrow(); // refuses without --yes
    expect(run("scripts/restore.ts", file, "--yes")).toContain("restored");

    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).name).toBe(cycle.name);
    expect(existsSync(photo) && readFileSync(photo, "utf8")).toBe("photo bytes");
    expect(await prisma.cycle.findUnique({ where: { id: later.id } })).toBeNull();
    expect(await prisma.auditLog.count()).toBeLessThan(auditBefore);
    // The restored audit log is still append-only.
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  });

  it("refuses a damaged backup before touching the database, naming no password", async () => {
    const admin = await makeUser(["admin"]);
    const kept = await makeCycle(admin, "ideas");
    const damaged = `${file}-damaged`;
    try {
      // A copy with a byte changed every 4 KB (a bad disk), with the checksum written when the backup was made…
      const bytes = readFileSync(file);
      for (let at = 100; at < bytes.length; at += 4096) bytes[at] ^= 0xff;
      writeFileSync(damaged, bytes);
      copyFileSync(`${file}.sha256`, `${damaged}.sha256`);
      const failure = refusedRestore(damaged);
      expect(failure.status).toBe(1);
      expect(failure.stderr).toContain("is damaged (it differs from the SHA-256 written beside it when it was made)");
      const password = new URL(process.env.DATABASE_URL!).password;
      if (password) expect(failure.stderr).not.toContain(password);
      expect(await prisma.cycle.count({ where: { id: kept.id } })).toBe(1); // the live database is as it was
      // …and without it (copied alone): SQLite's own check still refuses it; a dump cut short is refused by pg_restore.
      rmSync(`${damaged}.sha256`);
      if (dialect === "postgresql") writeFileSync(damaged, readFileSync(file).subarray(0, Math.floor(bytes.length / 2)));
      const alone = refusedRestore(damaged);
      expect(alone.status).toBe(1);
      expect(alone.stderr).toMatch(dialect === "sqlite" ? /is damaged/ : /pg_restore failed/);
      if (password) expect(alone.stderr).not.toContain(password);
      expect(await prisma.cycle.count({ where: { id: kept.id } })).toBe(1);
    } finally {
      rmSync(damaged, { force: true });
      rmSync(`${damaged}.sha256`, { force: true });
    }
  });

  it("keeps the session secret beside the backup, and says loudly when the app runs under another one", () => {
    // Ballots waiting for the mix are sealed with a key derived from the secret: a backup without it is incomplete.
    expect(readFileSync(`${file}.secret`, "utf8")).toBe(sessionSecret);
    // A backup from a machine whose secret was different, restored where SESSION_SECRET is set to this one.
    writeFileSync(`${file}.secret`, "a-secret-of-the-old-machine-0123456789abcdef");
    const { status, stderr } = refusedRestore(file, { SESSION_SECRET: sessionSecret });
    expect(status).toBe(3);
    expect(stderr).toContain(`the backup was made under another SESSION_SECRET. Before starting the app, set SESSION_SECRET to the content of ${resolve(file)}.secret, or add that content to SESSION_SECRETS_PREVIOUS`);
  });
});
