import "./fresh-db";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getActor, verifyLogin } from "~/auth.server";
import { prisma } from "~/db/client.server";
import { browserFor, makeUser } from "./fixtures";

// npm run user:grant, as the operator of a new install runs it to make the first PB office account.
const grant = (...args: string[]) => {
  try {
    return { status: 0, out: execFileSync("npx", ["tsx", "scripts/user-grant.ts", ...args], { env: { ...process.env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { status: e.status, out: e.stderr };
  }
};
const rolesOf = async (email: string) => (await prisma.userRole.findMany({ where: { user: { email } }, orderBy: { role: "asc" } })).map((r) => r.role);

describe("npm run user:grant", () => {
  it("makes the first PB office account, with a password printed once that signs in", async () => {
    const email = `office-${Date.now()}@city.example`;
    const made = grant("--email", email.toUpperCase(), "--name", "Pat Office", "--role", "admin");
    expect(made.status).toBe(0);
    const password = /shown this once: (\S+)/.exec(made.out)![1];
    expect((await verifyLogin(email, password))?.name).toBe("Pat Office");
    expect(await rolesOf(email)).toEqual(["admin", "resident"]);
    expect(await prisma.auditLog.count({ where: { action: "user.roles-granted", targetId: (await prisma.user.findUniqueOrThrow({ where: { email } })).id } })).toBe(1);
    // Its address is confirmed like any other (follow e-mails wait for it): the link went out.
    expect(made.out).toContain(`a link to confirm the address was e-mailed to ${email}`);
    const [mail] = await prisma.outboxMessage.findMany({ where: { to: email } });
    expect(mail.subject).toBe("Confirm your e-mail address for Civic Budget");
    expect(mail.sentAt).not.toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).emailConfirmedAt).toBeNull();
  });

  it("makes an existing account agency staff (the lead), with a new password and signed out everywhere: whoever signed up with the address may not own it", async () => {
    const resident = await makeUser(["resident"]); // signed up by someone, signed in on their phone
    const phone = await browserFor(resident);
    const made = grant("--email", resident.email, "--role", "staff", "--agency", "Water Department", "--lead");
    expect(made.status).toBe(0);
    expect(made.out).toContain("existing account, signed out everywhere");
    expect(await getActor(phone.get("/"))).toBeNull();
    expect(await verifyLogin(resident.email, "test-password-123")).toBeNull(); // the old password no longer works
    const password = /shown this once: (\S+)/.exec(made.out)![1];
    expect(await verifyLogin(resident.email, password)).not.toBeNull();
    const after = await prisma.user.findUniqueOrThrow({ where: { id: resident.id }, include: { agency: true } });
    expect({ agency: after.agency?.name, lead: after.agencyLead }).toEqual({ agency: "Water Department", lead: true });
    expect(await rolesOf(resident.email)).toEqual(["resident", "staff"]);
    expect(await prisma.outboxMessage.count({ where: { to: resident.email } })).toBe(0); // an existing account keeps its confirmation
  });

  it("refuses staff without an agency, an unknown role and a bad address, saying what to do, and makes nothing", async () => {
    const email = `nobody-${Date.now()}@city.example`;
    expect(grant("--email", email, "--role", "staff")).toEqual({ status: 2, out: expect.stringContaining("staff belong to an agency: add --agency NAME") });
    expect(grant("--email", email, "--role", "mayor")).toEqual({ status: 2, out: expect.stringContaining("--role must be one of resident, delegate, staff, admin") });
    expect(grant("--email", "not-an-address", "--role", "admin")).toEqual({ status: 2, out: expect.stringContaining("--email must be an e-mail address") });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});
