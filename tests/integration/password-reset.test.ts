import "./fresh-db";
import { describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { getActor, getSession } from "~/auth.server";
import { prisma } from "~/db/client.server";
import { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import { deliverOutbox } from "~/mail.server";
import { loader as outboxLoader } from "~/routes/dev.outbox";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { inWords } from "../english";
import { mailbox } from "../mailbox";
import { answerOf, args, browserFor, makeUser, settle } from "./fixtures";

type Reply = { status?: string; error?: Record<string, string[]> };
const from = (clientIp: string, request: Request) => ({ request, params: {}, context: { clientIp } });
const mailTo = (email: string) => prisma.outboxMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
/** The link is queued after the page answers (see the route): wait until `count` mails are in the mailbox. */
// Mail goes out in the background: on a busy CI machine that can take longer than vitest's 1 s default.
const WAIT = { timeout: 15_000, interval: 50 };
const mailsArrived = (email: string, count = 1) =>
  vi.waitFor(() => {
    const mails = mailbox(email);
    if (mails.length < count) throw new Error(`${mails.length} of ${count} mails so far`);
    return mails;
  }, WAIT);
const settleDown = () => new Promise((resolve) => setTimeout(resolve, 300));
const linkIn = (text: string) => new URL(/https?:\/\/\S+\/reset-password\?token=\S+/.exec(text)![0]);

describe("a resident who forgot their password chooses a new one with an e-mailed link", async () => {
  const resident = await makeUser(["resident"]);

  /** Asks for a link as a visitor from `ip`; returns the answer and the browser (to read the page after the redirect). */
  const ask = async (email: string, ip = "10.5.0.1", lng = "en") => {
    const visitor = await browserFor(null);
    const answer = (await settle(() => forgotAction(from(ip, visitor.post(`/forgot-password?lng=${lng}`, { email }))))) as Response;
    return { answer, visitor };
  };

  it("e-mails a link that works once, sets the password, and signs out every device", async () => {
    const signedIn = await browserFor(resident); // a session from before (say, a stolen phone)
    expect(await getActor(signedIn.get("/"))).not.toBeNull();
    const { answer, visitor } = await ask(` ${resident.email.toUpperCase()} `);
    expect(answer.status).toBe(302);
    visitor.remember(answer);
    const page = answerOf<{ sentTo: string | null }>(await forgotLoader(args(visitor.get("/forgot-password")))).reply;
    expect(page.sentTo).toBe(resident.email);
    const [mail] = await mailsArrived(resident.email);
    expect(mail.subject).toBe("Choose a new password for Civic Budget");
    expect(mail.text).toContain("The link works for 60 minutes, once.");
    const link = linkIn(mail.text);
    expect(link.searchParams.get("lng")).toBe("en"); // opens in the language asked in, even from a mail app
    // Only the token's hash is stored: the link cannot be read back from the database.
    expect(JSON.stringify(await prisma.passwordReset.findMany())).not.toContain(link.searchParams.get("token"));

    const opened = await resetLoader(args(visitor.get(`${link.pathname}${link.search}`)));
    expect(opened).toEqual({ token: link.searchParams.get("token"), minutes: 60 });
    // A second link asked for at the same moment (two asks racing on PostgreSQL can leave two).
    await prisma.passwordReset.create({ data: { userId: resident.id, tokenHash: "a-sibling-link", expiresAt: new Date(Date.now() + 60_000) } });
    const done = (await resetAction(args(visitor.post("/reset-password", { token: opened.token!, password: "a new long password" })))) as Response;
    expect(await prisma.passwordReset.count({ where: { tokenHash: "a-sibling-link" } })).toBe(0); // it stops working too
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/login");
    expect(await getActor(signedIn.get("/"))).toBeNull(); // the old session ended
    // The sign-in page says so once, with the address filled in, and the new password works (the old one does not).
    visitor.remember(done);
    expect(answerOf(await loginLoader(args(visitor.get("/login")))).reply).toEqual({ passwordChangedFor: resident.email });
    const old = answerOf<Reply>(await loginAction(from("10.5.0.2", visitor.post("/login", { email: resident.email, password: "test-password-123" }))));
    expect(old.reply.status).toBe("error");
    const fresh = (await loginAction(from("10.5.0.2", visitor.post("/login", { email: resident.email, password: "a new long password" })))) as Response;
    expect(fresh.status).toBe(302);

    // Used once: the link is refused on the page and on a second send, and the password stays.
    expect((await resetLoader(args(visitor.get(`${link.pathname}${link.search}`)))).token).toBeNull();
    const again = answerOf<Reply>(await resetAction(args(visitor.post("/reset-password", { token: link.searchParams.get("token")!, password: "yet another password" }))));
    expect(again.httpStatus).toBe(410);
    expect(inWords(again.reply.error?.[""]?.[0] ?? "")).toMatch(/^This link no longer works/);
    const audit = await prisma.auditLog.findMany({ where: { targetId: resident.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["user.password-reset-asked", "user.password-reset"]);
  });

  it("hides the link on the PB office's outbox page: whoever reads it there could take over the account", async () => {
    const someone = await makeUser(["resident"]);
    await ask(someone.email, "10.5.3.1");
    await mailsArrived(someone.email);
    await deliverOutbox();
    const office = await browserFor(await makeUser(["admin"]));
    const { mails } = await outboxLoader(args(office.get("/dev/outbox")));
    const mail = mails.find((m) => m.to === someone.email)!;
    expect(mail.text).toContain("The link works for 60 minutes, once.");
    expect(mail.text).toContain("[link hidden: it lets whoever has it choose the password, so only the addressee sees it]");
    expect(mail.text).not.toContain("token=");
    // Nor is it kept in the database once sent: the token's hash is all that checking a link needs.
    const stored = await mailTo(someone.email);
    expect(stored[0].sentAt).not.toBeNull();
    expect(stored[0].text).not.toContain("token=");
  });

  it("keeps no sign-in token in the database, only its SHA-256: a copy of the database signs nobody in", async () => {
    const signedIn = await browserFor(resident);
    const token = (await getSession(signedIn.get("/"))).get("sessionId") as string;
    const rows = await prisma.session.findMany({ where: { userId: resident.id } });
    expect(rows.map((r) => r.id)).toContain(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("answers the same for an address with no account, and sends nothing", async () => {
    const before = await prisma.outboxMessage.count();
    const { answer, visitor } = await ask("nobody-here@example.org");
    expect(answer.status).toBe(302);
    visitor.remember(answer);
    expect(answerOf<{ sentTo: string | null }>(await forgotLoader(args(visitor.get("/forgot-password")))).reply.sentTo).toBe("nobody-here@example.org");
    await settleDown();
    expect(await prisma.outboxMessage.count()).toBe(before);
  });

  it("writes the e-mail in the language it was asked in; a newer link ends the older one; an expired link is refused", async () => {
    const someone = await makeUser(["resident"]);
    await ask(someone.email, "10.5.1.1", "es");
    await mailsArrived(someone.email, 1);
    await ask(someone.email, "10.5.1.1", "en");
    const [spanish, english] = await mailsArrived(someone.email, 2);
    expect(linkIn(spanish.text).searchParams.get("lng")).toBe("es");
    expect(spanish.subject).toBe("Elija una nueva contraseña para Presupuesto Cívico");
    expect(spanish.text).toContain("El enlace sirve durante 60 minutos, una sola vez.");
    const visitor = await browserFor(null);
    const open = async (mail: { text: string }) => resetLoader(args(visitor.get(`/reset-password${linkIn(mail.text).search}`)));
    expect((await open(spanish)).token).toBeNull();
    expect((await open(english)).token).not.toBeNull();
    await prisma.passwordReset.updateMany({ where: { userId: someone.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await open(english)).token).toBeNull();
    const late = answerOf<Reply>(await resetAction(args(visitor.post("/reset-password", { token: linkIn(english.text).searchParams.get("token")!, password: "a new long password" }))));
    expect(late.httpStatus).toBe(410);
    // Dead links are not kept: the next link anyone asks for removes them (a live one of another account stays).
    const other = await makeUser(["resident"]);
    await prisma.passwordReset.create({ data: { userId: other.id, tokenHash: "a-live-link", expiresAt: new Date(Date.now() + 60_000) } });
    await prisma.passwordReset.create({ data: { userId: other.id, tokenHash: "a-used-link", expiresAt: new Date(Date.now() + 60_000), usedAt: new Date() } });
    await ask(resident.email, "10.5.1.2");
    await vi.waitFor(async () => expect(await prisma.passwordReset.count({ where: { tokenHash: "a-used-link" } })).toBe(0), WAIT);
    expect(await prisma.passwordReset.count({ where: { userId: someone.id } })).toBe(0);
    expect(await prisma.passwordReset.count({ where: { tokenHash: "a-live-link" } })).toBe(1);
  });

  it("refuses a short password next to the field, a broken link and a bad address, changing nothing", async () => {
    const someone = await makeUser(["resident"]);
    await ask(someone.email, "10.5.2.1");
    const [mail] = await mailsArrived(someone.email);
    const hashBefore = (await prisma.user.findUniqueOrThrow({ where: { id: someone.id } })).passwordHash;
    const token = linkIn(mail.text).searchParams.get("token")!;
    const visitor = await browserFor(null);
    const short = answerOf<Reply>(await resetAction(args(visitor.post("/reset-password", { token, password: "short" }))));
    expect(short.httpStatus).toBe(400);
    expect(inWords(short.reply.error?.password?.[0] ?? "")).toBe("Choose a password of at least 10 characters.");
    const broken = answerOf<Reply>(await resetAction(args(visitor.post("/reset-password", { token: "abc", password: "a new long password" }))));
    expect(inWords(broken.reply.error?.token?.[0] ?? "")).toMatch(/^This link is incomplete/);
    expect((await resetLoader(args(visitor.get("/reset-password?token=abc")))).token).toBeNull();
    // A made-up token of the right shape is refused too, and the password stays as it was.
    const madeUp = answerOf<Reply>(await resetAction(args(visitor.post("/reset-password", { token: "A".repeat(43), password: "a new long password" }))));
    expect(madeUp.httpStatus).toBe(410);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: someone.id } })).passwordHash).toBe(hashBefore);
    // The link still works after those refusals.
    expect((await resetLoader(args(visitor.get(`/reset-password?token=${token}`)))).token).toBe(token);
    const badAddress = answerOf<Reply>(await forgotAction(from("10.5.2.2", visitor.post("/forgot-password", { email: "not an address" }))));
    expect(badAddress.httpStatus).toBe(400);
    expect(inWords(badAddress.reply.error?.email?.[0] ?? "")).toBe("Enter a valid email address, like name@example.org.");
  });

  it("limits tries at choosing a password from one address: a script guessing links is stopped with a clear message", async () => {
    const visitor = await browserFor(null);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = answerOf<Reply>(await resetAction(from("10.5.4.1", visitor.post("/reset-password", { token: `guess-${"x".repeat(30)}-${i}`, password: "a new long password" }))));
      statuses.push(answer.httpStatus);
      if (i === 20) expect(inWords(answer.reply.error?.[""]?.[0] ?? "")).toMatch(/^Too many attempts/);
    }
    expect(statuses.slice(0, 20).every((s) => s === 410)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it("sends at most three links an hour to one address, so nobody can flood someone's inbox", async () => {
    const someone = await makeUser(["resident"]);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await ask(someone.email, `10.5.3.${i}`)).answer);
    expect(answers.map((a) => (a instanceof Response ? a.status : answerOf(a).httpStatus))).toEqual([302, 302, 302, 429, 429]);
    await mailsArrived(someone.email, 3);
    await settleDown();
    expect(await mailTo(someone.email)).toHaveLength(3);
  });
});
