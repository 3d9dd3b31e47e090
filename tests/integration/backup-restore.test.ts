import "./fresh-db";
import "./upload-dir";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { makeCycle, makeUser } from "./fixtures";

// npm run backup / npm run restore, as an operator runs them, on this file's database
// (SQLite here, PostgreSQL in npm run test:pg).
const file = `${process.env.TEST_DATA_DIR ?? "data/test/run"}/backup-${randomUUID()}`;
const run = (script: string, ...args: string[]) =>
  execFileSync("npx", ["tsx", script, ...args], { env: { ...process.env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
afterAll(() => {
  rmSync(file, { force: true });
  rmSync(`${file}.photos`, { recursive: true, force: true });
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
});
