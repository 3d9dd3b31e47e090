import "./fresh-db";
import { describe, expect, it } from "vitest";
import { getActor } from "~/auth.server";
import { prisma } from "~/db/client.server";
import { decodeMessage } from "~/i18n/message";
import * as people from "~/routes/admin.people";
import { answerOf, args, browserFor, makeUser, settle } from "./fixtures";

// The PB office gives delegates, agency staff and other PB office accounts their roles from /admin/people.
describe("the PB office's People page", async () => {
  const admin = await makeUser(["admin", "resident"]);
  const office = await browserFor(admin);
  const post = async (who: Awaited<ReturnType<typeof browserFor>>, form: Record<string, string>) => settle(() => people.action(args(who.post("/admin/people", form))));
  const grant = (form: Record<string, string>) => post(office, { intent: "grant", ...form });
  const errorsOf = (result: unknown) => {
    const { reply } = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(result);
    return Object.fromEntries(Object.entries(reply.error ?? {}).map(([k, v]) => [k, v.map((m) => decodeMessage(m)?.key ?? m)]));
  };
  const rolesOf = async (id: string) => (await prisma.userRole.findMany({ where: { userId: id }, orderBy: { role: "asc" } })).map((r) => r.role);

  it("makes a confirmed resident a budget delegate, who has the role from their next page; audited", async () => {
    const resident = await makeUser(["resident"]);
    expect(((await grant({ email: resident.email.toUpperCase(), role: "delegate" })) as Response).status).toBe(302);
    expect(await rolesOf(resident.id)).toEqual(["delegate", "resident"]);
    const browser = await browserFor(resident); // a session started before: roles are read at every request
    expect((await getActor(browser.get("/")))!.roles).toContain("delegate");
    const line = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.role-grant", targetId: resident.id } });
    expect(line.actorId).toBe(admin.id);
  });

  it("makes agency staff of a listed or a new agency, as its lead or not", async () => {
    const listed = await makeUser(["resident"]);
    const agency = await prisma.agency.upsert({ where: { name: "Libraries Department" }, update: {}, create: { name: "Libraries Department" } });
    await grant({ email: listed.email, role: "staff", agencyId: agency.id, lead: "yes" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: listed.id } })).toMatchObject({ agencyId: agency.id, agencyLead: true });
    const fresh = await makeUser(["resident"]);
    await grant({ email: fresh.email, role: "staff", newAgency: "Water Department" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: fresh.id }, include: { agency: true } });
    expect(user).toMatchObject({ agencyLead: false, agency: { name: "Water Department" } });
    const page = (await people.loader(args(office.get("/admin/people")))) as unknown as { data: { people: { id: string; roles: string[]; agency: string | null }[] } };
    expect(page.data.people.find((p) => p.id === fresh.id)).toMatchObject({ roles: ["staff"], agency: "Water Department" });
  });

  it("names a new agency in the language of the page it was typed on; lists every agency with the languages its name is translated into", async () => {
    const fresh = await makeUser(["resident"]);
    expect(((await settle(() => people.action(args(office.post("/admin/people?lng=es", { intent: "grant", email: fresh.email, role: "staff", newAgency: "Obras Públicas" }))))) as Response).status).toBe(302);
    const agency = await prisma.agency.findUniqueOrThrow({ where: { name: "Obras Públicas" } });
    expect(agency.writtenIn).toBe("es");
    await prisma.contentTranslation.create({ data: { targetType: "agency", targetId: agency.id, locale: "en", title: "Public Works", description: "" } });
    const page = (await people.loader(args(office.get("/admin/people")))) as unknown as { data: { agencies: { value: string; label: string; translatedInto: string[] }[] } };
    expect(page.data.agencies.find((a) => a.value === agency.id)).toEqual({ value: agency.id, label: "Obras Públicas", translatedInto: ["English"] });
  });

  it("refuses, by the field and keeping what was typed: an address no account uses, one not confirmed, a role held already, staff without an agency", async () => {
    const unconfirmed = await makeUser(["resident"]);
    await prisma.user.update({ where: { id: unconfirmed.id }, data: { emailConfirmedAt: null } });
    const delegate = await makeUser(["delegate", "resident"]);
    expect(errorsOf(await grant({ email: "nobody@example.org", role: "delegate" }))).toEqual({ email: ["admin:people.errors.noAccount"] });
    expect(errorsOf(await grant({ email: unconfirmed.email, role: "admin" }))).toEqual({ email: ["admin:people.errors.unconfirmed"] });
    expect(errorsOf(await grant({ email: delegate.email, role: "delegate" }))).toEqual({ email: ["admin:people.errors.alreadyHas"] });
    expect(errorsOf(await grant({ email: delegate.email, role: "staff", agencyId: "no-such-agency" }))).toEqual({ agencyId: ["admin:people.errors.agency"] });
    const agency = await prisma.agency.upsert({ where: { name: "Libraries Department" }, update: {}, create: { name: "Libraries Department" } });
    expect(errorsOf(await grant({ email: delegate.email, role: "staff", agencyId: agency.id, newAgency: "Water Department" }))).toEqual({ newAgency: ["admin:people.errors.agencyBoth"] });
    const staffless = await grant({ email: delegate.email, role: "staff" });
    expect(errorsOf(staffless)).toEqual({ agencyId: ["admin:people.errors.agency"] });
    expect(answerOf<{ initialValue: Record<string, unknown> }>(staffless).reply.initialValue).toMatchObject({ email: delegate.email, role: "staff" });
    expect(await rolesOf(unconfirmed.id)).toEqual(["resident"]);
    expect(await rolesOf(delegate.id)).toEqual(["delegate", "resident"]);
  });

  it("takes a role back; staff leave their agency; a PB office account cannot take back its own role, another can", async () => {
    const staff = await makeUser(["staff", "resident"], "Parks Department", { lead: true });
    expect(((await post(office, { intent: "revoke", userId: staff.id, role: "staff" })) as Response).status).toBe(302);
    expect(await rolesOf(staff.id)).toEqual(["resident"]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ agencyId: null, agencyLead: false });
    // Its own role: refused, whoever else holds it.
    const own = answerOf<{ revokeError: { error: string } }>(await post(office, { intent: "revoke", userId: admin.id, role: "admin" }));
    expect(own.httpStatus).toBe(409);
    expect(decodeMessage(own.reply.revokeError.error)?.key).toBe("admin:people.errors.ownAdmin");
    expect(await rolesOf(admin.id)).toContain("admin");
    // Another PB office account may take it back.
    const other = await makeUser(["admin", "resident"]);
    expect(((await post(await browserFor(other), { intent: "revoke", userId: admin.id, role: "admin" })) as Response).status).toBe(302);
    expect(await rolesOf(admin.id)).toEqual(["resident"]);
    await prisma.userRole.create({ data: { userId: admin.id, role: "admin" } });
  });

  it("is the PB office's alone: staff, delegates and residents are refused the page and its forms", async () => {
    const target = await makeUser(["resident"]);
    for (const roles of [["staff"], ["delegate"], ["resident"]] as const) {
      const who = await browserFor(await makeUser([...roles], roles[0] === "staff" ? "Parks Department" : undefined));
      expect(((await settle(() => people.loader(args(who.get("/admin/people"))))) as Response).status).toBe(403);
      expect(((await post(who, { intent: "grant", email: target.email, role: "admin" })) as Response).status).toBe(403);
    }
    const visitor = await browserFor(null);
    expect(((await settle(() => people.loader(args(visitor.get("/admin/people"))))) as Response).headers.get("Location")).toMatch(/^\/login/);
    expect(await rolesOf(target.id)).toEqual(["resident"]);
  });
});
