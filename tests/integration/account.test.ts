import "./fresh-db";
import { describe, expect, it } from "vitest";
import { getActor } from "~/auth.server";
import { prisma } from "~/db/client.server";
import { decodeMessage } from "~/i18n/message";
import * as account from "~/routes/account";
import { action as followAction } from "~/routes/follows";
import { answerOf, args, browserFor, makeCycle, makeUser, settle } from "./fixtures";

// A resident's own page: their name, their password, what they follow and the ideas they brought.
describe("your account", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "ideas");
  const errorsOf = (result: unknown) => {
    const { reply } = answerOf<{ error: Record<string, string[]>; initialValue: Record<string, unknown> }>(result);
    return Object.fromEntries(Object.entries(reply.error ?? {}).map(([k, v]) => [k, v.map((m) => decodeMessage(m)?.key ?? m)]));
  };
  const page = async (browser: Awaited<ReturnType<typeof browserFor>>) => (await account.loader(args(browser.get("/account")))).data;

  it("sends a visitor to sign in, and back here", async () => {
    const visitor = await settle(async () => account.loader(args((await browserFor(null)).get("/account"))));
    expect((visitor as Response).headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
    const post = await settle(async () => account.action(args((await browserFor(null)).post("/account", { intent: "name", name: "Someone" }))));
    expect((post as Response).headers.get("Location")).toMatch(/^\/login/);
  });

  it("lists the person's own ideas and what they follow, nobody else's; stopping to follow from here comes back here", async () => {
    const resident = await makeUser(["resident"]);
    const neighbour = await makeUser(["resident"]);
    const base = { cycleId: cycle.id, districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, description: "Shade for the benches by the pond." };
    const mine = await prisma.idea.create({ data: { ...base, number: 1, title: "Shade by the pond", authorId: resident.id } });
    const theirs = await prisma.idea.create({ data: { ...base, number: 2, title: "Lamps on the path", authorId: neighbour.id } });
    await prisma.follow.create({ data: { userId: resident.id, targetType: "idea", targetId: theirs.id } });
    await prisma.follow.create({ data: { userId: neighbour.id, targetType: "idea", targetId: mine.id } });
    const browser = await browserFor(resident);
    const seen = await page(browser);
    expect(seen).toMatchObject({ name: resident.name, email: resident.email, confirmed: true });
    expect(seen.ideas.map((i) => i.title)).toEqual(["Shade by the pond"]);
    expect(seen.follows).toEqual([expect.objectContaining({ type: "idea", id: theirs.id, title: "Lamps on the path", path: `/ideas/${theirs.id}` })]);
    // Hidden by the PB office since: still listed, to be unfollowed, but not by its title.
    await prisma.idea.update({ where: { id: theirs.id }, data: { hiddenAt: new Date(), hiddenReason: "Abusive." } });
    expect((await page(browser)).follows).toEqual([expect.objectContaining({ id: theirs.id, title: null, path: null })]);
    const stopped = (await followAction(args(browser.post("/follows", { targetType: "idea", targetId: theirs.id, follow: "no", back: "account" })))) as Response;
    expect(stopped.headers.get("Location")).toBe("/account#following");
    expect((await page(browser)).follows).toEqual([]);
    expect(await prisma.follow.count({ where: { userId: neighbour.id } })).toBe(1);
  });

  it("downloads everything kept about the person, theirs only, never what they voted", async () => {
    const { loader: dataLoader } = await import("~/routes/account_.data[.json]");
    const resident = await makeUser(["resident"]);
    const neighbour = await makeUser(["resident"]);
    const base = { cycleId: cycle.id, districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, description: "Water fountains along the river path." };
    const idea = await prisma.idea.create({ data: { ...base, number: 10, title: "Fountains on the path", authorId: resident.id } });
    await prisma.idea.create({ data: { ...base, number: 11, title: "A neighbour's idea", authorId: neighbour.id } });
    await prisma.comment.create({ data: { targetType: "idea", targetId: idea.id, body: "Two would be enough.", authorId: resident.id } });
    await prisma.ideaSupport.create({ data: { ideaId: idea.id, userId: resident.id } });
    const response = (await dataLoader(args((await browserFor(resident)).get("/account/data.json")))) as Response;
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="civic-budget-my-data.json"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const data = JSON.parse(await response.text());
    expect(data).toMatchObject({ name: resident.name, email: resident.email, roles: ["resident"], votedWithAccount: [] });
    expect(data.ideas.map((i: { title: string }) => i.title)).toEqual(["Fountains on the path"]);
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(["Two would be enough."]);
    expect(data.supports).toEqual([expect.objectContaining({ idea: expect.objectContaining({ number: 10 }) })]);
    const visitor = await settle(async () => dataLoader(args((await browserFor(null)).get("/account/data.json"))));
    expect((visitor as Response).headers.get("Location")).toBe("/login?redirectTo=%2Faccount%2Fdata.json");
  });

  it("changes the name shown beside one's ideas; a blank or too long one is refused by the field and kept", async () => {
    const resident = await makeUser(["resident"]);
    const browser = await browserFor(resident);
    const blank = await account.action(args(browser.post("/account", { intent: "name", name: " " })));
    expect(errorsOf(blank)).toEqual({ name: ["auth:errors.nameMissing"] });
    const long = await account.action(args(browser.post("/account", { intent: "name", name: "N".repeat(81) })));
    expect(errorsOf(long)).toEqual({ name: ["auth:errors.nameLong"] });
    expect(answerOf<{ initialValue: Record<string, unknown> }>(long).reply.initialValue).toMatchObject({ name: "N".repeat(81) });
    const saved = (await account.action(args(browser.post("/account", { intent: "name", name: "Rosa M. Resident" })))) as Response;
    expect(saved.headers.get("Location")).toBe("/account");
    expect((await getActor(browser.get("/")))!.name).toBe("Rosa M. Resident");
  });

  it("changes the password only with the current one; then other devices are signed out, this one is not, and the address is told", async () => {
    const resident = await makeUser(["resident"]);
    const [here, elsewhere] = [await browserFor(resident), await browserFor(resident)];
    const wrong = await account.action(args(here.post("/account", { intent: "password", current: "not my password", password: "a brand new passphrase" })));
    expect(errorsOf(wrong)).toEqual({ current: ["auth:account.errors.current"] });
    // Passwords are never sent back into the form.
    expect(answerOf<{ initialValue: Record<string, unknown> }>(wrong).reply.initialValue).not.toHaveProperty("password");
    const short = await account.action(args(here.post("/account", { intent: "password", current: "test-password-123", password: "short" })));
    expect(errorsOf(short)).toEqual({ password: ["auth:errors.passwordShort"] });
    expect(await getActor(elsewhere.get("/"))).not.toBeNull();

    await prisma.passwordReset.create({ data: { userId: resident.id, tokenHash: "an unused link", expiresAt: new Date(Date.now() + 3_600_000) } });
    const changed = (await account.action(args(here.post("/account", { intent: "password", current: "test-password-123", password: "a brand new passphrase" })))) as Response;
    // A reset link asked for before (perhaps by whoever knew the old password) no longer works.
    expect(await prisma.passwordReset.count({ where: { userId: resident.id } })).toBe(0);
    expect(changed.headers.get("Location")).toBe("/account");
    expect(await getActor(here.get("/"))).not.toBeNull();
    expect(await getActor(elsewhere.get("/"))).toBeNull();
    const [mail] = await prisma.outboxMessage.findMany({ where: { to: resident.email } });
    expect(mail.subject).toBe("Your Civic Budget password was changed");
    expect(mail.text).toContain("/forgot-password");
    const { verifyLogin } = await import("~/auth.server");
    expect(await verifyLogin(resident.email, "a brand new passphrase")).not.toBeNull();
    expect(await verifyLogin(resident.email, "test-password-123")).toBeNull();
  });

  it("stops someone at a browser left signed in from trying password after password", async () => {
    const resident = await makeUser(["resident"]);
    const browser = await browserFor(resident);
    const attempt = (current: string) => account.action(args(browser.post("/account", { intent: "password", current, password: "a brand new passphrase" })));
    for (let i = 0; i < 8; i++) expect(answerOf(await attempt(`guess ${i}`)).httpStatus).toBe(400);
    // Now even the right one waits, and the password is unchanged.
    expect(answerOf(await attempt("test-password-123")).httpStatus).toBe(429);
    const { verifyLogin } = await import("~/auth.server");
    expect(await verifyLogin(resident.email, "test-password-123")).not.toBeNull();
  });

  it("counts the password asked to close the account too: after 8 wrong ones even the right one waits, and nothing is closed", async () => {
    const resident = await makeUser(["resident"]);
    const browser = await browserFor(resident);
    const attempt = (current: string) => account.action(args(browser.post("/account", { intent: "close", current, understood: "yes" })));
    for (let i = 0; i < 8; i++) expect(answerOf(await attempt(`guess ${i}`)).httpStatus).toBe(400);
    expect(answerOf(await attempt("test-password-123")).httpStatus).toBe(429);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: resident.id } })).closedAt).toBeNull();
  });
});

describe("closing your account", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "ideas");
  const base = { cycleId: cycle.id, districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, description: "A bench in the shade, for older neighbours." };
  const errorsOf = (result: unknown) =>
    Object.fromEntries(Object.entries(answerOf(result).reply.error ?? {}).map(([k, v]) => [k, v.map((m) => decodeMessage(m)?.key ?? m)]));

  it("needs the current password and the box ticked; then name, address and password are gone, and what they wrote stays as by a resident", async () => {
    const { loader: ideaLoader } = await import("~/routes/ideas.$id");
    const { verifyLogin } = await import("~/auth.server");
    const resident = await makeUser(["resident"]);
    const other = await makeUser(["resident"]);
    const { createIdea } = await import("~/db/ideas.server");
    const idea = await createIdea(cycle.id, { title: "Bench by the library", description: base.description, districtId: base.districtId, categoryId: base.categoryId, location: "" }, resident);
    await prisma.ideaSupport.create({ data: { ideaId: idea.id, userId: resident.id } });
    await prisma.ideaSupport.create({ data: { ideaId: idea.id, userId: other.id } });
    await prisma.comment.create({ data: { targetType: "idea", targetId: idea.id, body: "Near the bus stop, please.", authorId: resident.id } });
    await prisma.follow.create({ data: { userId: resident.id, targetType: "idea", targetId: idea.id } });
    await prisma.outboxMessage.create({ data: { to: resident.email, subject: "Unsent", text: "Not sent yet." } });
    const [browser, elsewhere] = [await browserFor(resident), await browserFor(resident)];

    expect(errorsOf(await account.action(args(browser.post("/account", { intent: "close", current: "wrong password", understood: "yes" }))))).toEqual({ current: ["auth:account.errors.current"] });
    expect(errorsOf(await account.action(args(browser.post("/account", { intent: "close", current: "test-password-123" }))))).toEqual({ understood: ["auth:account.errors.understood"] });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: resident.id } })).closedAt).toBeNull();

    const closed = (await account.action(args(browser.post("/account", { intent: "close", current: "test-password-123", understood: "yes" })))) as Response;
    expect(closed.headers.get("Location")).toBe("/");
    expect(closed.headers.getSetCookie().some((c) => c.startsWith("cb_account_news=") && !c.includes("Max-Age=0"))).toBe(true);
    expect(await getActor(browser.get("/"))).toBeNull();
    expect(await getActor(elsewhere.get("/"))).toBeNull();
    expect(await verifyLogin(resident.email, "test-password-123")).toBeNull();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: resident.id }, include: { roles: true, follows: true } });
    expect(row).toMatchObject({ name: "", email: `closed-${resident.id}@closed.invalid`, emailConfirmedAt: null, roles: [], follows: [] });
    expect(row.closedAt).not.toBeNull();
    expect(await prisma.outboxMessage.count({ where: { to: resident.email } })).toBe(0);
    // What others read and what was counted are unchanged; only the name is gone.
    const seen = await ideaLoader(args((await browserFor(other)).get(`/ideas/${idea.id}`), { id: idea.id }));
    expect(seen.idea).toMatchObject({ title: "Bench by the library", author: null, supports: 2 });
    expect(seen.thread?.comments.map((c) => [c.author, c.body])).toEqual([[null, "Near the bus stop, please."]]);
    const line = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.close", targetId: resident.id } });
    expect(line.actorLabel).toBe("system");
    // Nothing in the audit log (which cannot be rewritten) keeps their name or address: a resident is logged by account id.
    const theirs = await prisma.auditLog.findMany({ where: { actorId: resident.id } });
    expect(theirs.map((l) => [l.action, l.actorLabel])).toEqual([["idea.create", "a resident"]]);
    const named = await prisma.auditLog.count({ where: { OR: [{ actorLabel: { contains: resident.email } }, { actorLabel: { contains: resident.name } }, { detail: { contains: resident.email } }] } });
    expect(named).toBe(0);
  });

  it("waits while a cycle the account voted in is still voting: the same person could sign up again and vote twice", async () => {
    const { votingCycle } = await import("./fixtures");
    const { accountVoterCode, castBallot } = await import("~/db/ballots.server");
    const voting = await votingCycle();
    await prisma.cycle.update({ where: { id: voting.cycle.id }, data: { accountVoting: true } });
    const voter = await makeUser(["resident"]);
    const code = (await accountVoterCode(voting.cycle.id, voting.cycle.districts[0].id, voter.id))!;
    expect((await castBallot(code, [voting.proposalId], { channel: "account" })).ok).toBe(true);
    const browser = await browserFor(voter);
    const page = (await account.loader(args(browser.get("/account")))).data;
    expect(decodeMessage(page.closeRefused!)?.key).toBe("auth:account.closeRefusedVoting");
    const refused = (await settle(() => account.action(args(browser.post("/account", { intent: "close", current: "test-password-123", understood: "yes" }))))) as Response;
    expect(refused.status).toBe(409);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: voter.id } })).closedAt).toBeNull();
    // Once voting there has closed, it may.
    await prisma.cycle.update({ where: { id: voting.cycle.id }, data: { phase: "results" } });
    expect((await account.loader(args(browser.get("/account")))).data.closeRefused).toBeNull();
    expect(((await account.action(args(browser.post("/account", { intent: "close", current: "test-password-123", understood: "yes" })))) as Response).headers.get("Location")).toBe("/");
  });

  it("leaves no name where a former delegate or agency staff member was: committee seats go, an estimate they saved says no name", async () => {
    const { estimateHistory } = await import("~/db/costing.server");
    const { revokeRole } = await import("~/db/users.server");
    const former = await makeUser(["staff", "delegate", "resident"], "Parks");
    const committee = await prisma.committee.create({ data: { cycleId: cycle.id, name: "North committee", districtId: cycle.districts[0].id, members: { create: [{ userId: former.id }] } } });
    const proposal = await prisma.proposal.create({ data: { cycleId: cycle.id, number: 99, districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, title: "Benches", description: "Benches by the pond.", costEstimates: { create: { totalCents: 100_00, feasible: true, publicReason: "ok", staffId: former.id } } } });
    // The PB office takes the roles back: off the committee at once.
    await revokeRole(former.id, "delegate", admin);
    await revokeRole(former.id, "staff", admin);
    expect(await prisma.committeeMember.count({ where: { committeeId: committee.id } })).toBe(0);
    const browser = await browserFor({ ...former, roles: ["resident"] });
    await account.action(args(browser.post("/account", { intent: "close", current: "test-password-123", understood: "yes" })));
    expect((await estimateHistory(proposal.id))[0].staffName).toBeNull();
  });

  it("is refused to someone with a role, who asks the PB office first", async () => {
    const delegate = await makeUser(["delegate", "resident"]);
    const browser = await browserFor(delegate);
    expect((await account.loader(args(browser.get("/account")))).data.canClose).toBe(false);
    const refused = (await settle(() => account.action(args(browser.post("/account", { intent: "close", current: "test-password-123", understood: "yes" }))))) as Response;
    expect(refused.status).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: delegate.id } })).closedAt).toBeNull();
  });
});
