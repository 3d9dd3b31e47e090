import "./fresh-db";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getActor } from "~/auth.server";
import { prisma } from "~/db/client.server";
import { resetPassword } from "~/db/users.server";
import { deliverOutbox, OUTBOX_DIR } from "~/mail.server";
import { action as confirmAction, loader as confirmLoader } from "~/routes/confirm-email";
import { action as followAction } from "~/routes/follows";
import { action as ideaAction } from "~/routes/ideas.$id";
import { action as signupAction } from "~/routes/signup";
import { inWords } from "../english";
import { args, browserFor, makeCycle, makeUser, settle } from "./fixtures";

// Anyone can sign up with any address: e-mails about what an account follows go to its address only
// once the person opened the link e-mailed at sign-up (or a password-reset link), so nobody can have
// a stranger's inbox filled by following fifty projects in their name.

const from = (request: Request) => ({ request, params: {}, context: { clientIp: "10.9.0.1" } });
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const linkIn = (text: string) => new URL(/https?:\/\/\S+\/confirm-email\?token=\S+/.exec(text)![0]);
type Outcome = { confirmed?: string; refused?: string; sentTo?: string; alreadyConfirmed?: true; back?: string };
/** The page's answer, a refusal in the words the page shows (English). */
const outcomeOf = (result: unknown) => {
  const r = result as { data: Outcome; init: { status?: number } | null };
  return { status: r.init?.status ?? 200, ...r.data, refused: r.data.refused === undefined ? undefined : inWords(r.data.refused) };
};

describe("a new account confirms its e-mail address before follow e-mails reach it", async () => {
  const admin = await makeUser(["admin"]);
  const delegate = await makeUser(["delegate"]);
  const cycle = await makeCycle(admin, "proposals");
  const idea = await prisma.idea.create({
    data: { number: 1, cycleId: cycle.id, districtId: cycle.districts[0].id, categoryId: cycle.categories[0].id, title: "Shade over the playground", description: "Sails over the swings." },
  });

  /** Signs up as a visitor (in Spanish); returns the new account as the app sees it, and its browser. */
  const signUp = async (email: string) => {
    const visitor = await browserFor(null);
    const answer = (await settle(() => signupAction(from(visitor.post("/signup?lng=es", { name: "Nadia", email, password: "a long enough password" }))))) as Response;
    expect(answer.status).toBe(302);
    visitor.remember(answer);
    const actor = (await getActor(visitor.get("/")))!;
    await deliverOutbox();
    return { actor, visitor };
  };
  const followIdea = async (browser: Awaited<ReturnType<typeof browserFor>>) =>
    followAction(args(browser.post("/follows", { targetType: "idea", targetId: idea.id, follow: "yes" })));
  const closeIdea = async (reason: string) => {
    await ideaAction(args((await browserFor(delegate)).post(`/ideas/${idea.id}`, { intent: "not-taken-forward", reason }), { id: idea.id }));
    await deliverOutbox();
    await prisma.idea.update({ where: { id: idea.id }, data: { status: "open", outcomeReason: "" } });
  };
  const followMails = (email: string) => prisma.outboxMessage.count({ where: { to: email, text: { contains: `/ideas/${idea.id}` } } });

  it("signs the person in at once, e-mails a link in their language, and sends no follow e-mail until it is opened", async () => {
    const { actor, visitor } = await signUp("nadia@example.org");
    expect(actor.emailConfirmed).toBe(false);
    const [mail] = await prisma.outboxMessage.findMany({ where: { to: "nadia@example.org" } });
    expect(mail.subject).toBe("Confirme su dirección de correo para Presupuesto Cívico");
    // Sent, the link is not kept in the database (it vouches for the address).
    expect(mail.text).toContain("[link removed once sent]");

    await followIdea(visitor);
    await closeIdea("Not this year.");
    expect(await followMails("nadia@example.org")).toBe(0);
  });

  it("confirms with the page's button (opening the link changes nothing), once, and then follow e-mails arrive", async () => {
    // A fresh link, read from the mail as delivered (without SMTP, a file in data/outbox: the mailbox).
    const { actor, visitor } = await signUp("omar@example.org");
    await followIdea(visitor);
    await prisma.emailConfirmation.deleteMany({ where: { userId: actor.id } });
    const again = outcomeOf(await confirmAction(args(visitor.post("/confirm-email", { intent: "resend", redirectTo: `/ideas/${idea.id}` }))));
    expect(again).toMatchObject({ sentTo: "omar@example.org", back: `/ideas/${idea.id}` });
    // Delivery runs after the change commits: waited for here, not raced.
    await deliverOutbox();
    const [sent] = await prisma.outboxMessage.findMany({ where: { to: "omar@example.org" }, orderBy: { createdAt: "desc" }, take: 1 });
    const file = readdirSync(OUTBOX_DIR).find((f) => f.endsWith(`-${sent.id}.json`))!;
    const link = linkIn((JSON.parse(readFileSync(path.join(OUTBOX_DIR, file), "utf8")) as { text: string }).text);
    const token = link.searchParams.get("token")!;
    expect(JSON.stringify(await prisma.emailConfirmation.findMany())).not.toContain(token); // only its hash is stored

    const reader = await browserFor(null); // the mail app's browser: no session needed
    expect(await confirmLoader(args(reader.get(`${link.pathname}${link.search}`)))).toEqual({ token, name: "Nadia", confirmed: null, days: 7 }); // the name the account was made in
    expect((await prisma.user.findUniqueOrThrow({ where: { id: actor.id } })).emailConfirmedAt).toBeNull();

    expect(outcomeOf(await confirmAction(args(reader.post("/confirm-email", { intent: "confirm", token }))))).toMatchObject({ status: 200, confirmed: "omar@example.org" });
    expect((await getActor(visitor.get("/")))!.emailConfirmed).toBe(true);
    // Used up: the page and a second press say so.
    expect(await confirmLoader(args(reader.get(`${link.pathname}${link.search}`)))).toEqual({ token: null, name: null, confirmed: null, days: 7 });
    // Opened again by its owner, signed in (Back, just after confirming): the address is confirmed, not a dead link.
    expect(await confirmLoader(args(visitor.get(`${link.pathname}${link.search}`)))).toMatchObject({ token: null, confirmed: "omar@example.org" });
    const twice = outcomeOf(await confirmAction(args(reader.post("/confirm-email", { intent: "confirm", token }))));
    expect(twice.status).toBe(410);
    expect(twice.refused).toMatch(/^This link no longer works/);

    await closeIdea("Covered by the schools programme.");
    expect(await followMails("omar@example.org")).toBe(1);
    // Confirmed already: no new link is sent.
    expect(outcomeOf(await confirmAction(args(visitor.post("/confirm-email", { intent: "resend" }))))).toMatchObject({ alreadyConfirmed: true, back: "/" });
  });

  it("refuses a mistyped, an expired or a superseded link with a clear message, and a visitor asking for a new one", async () => {
    const { actor, visitor } = await signUp("pia@example.org");
    const reader = await browserFor(null);
    const mistyped = outcomeOf(await confirmAction(args(reader.post("/confirm-email", { intent: "confirm", token: "short" }))));
    expect(mistyped.status).toBe(400);
    expect(mistyped.refused).toBe("This link is incomplete. Open the link from the e-mail again, or ask for a new one.");

    // An expired link (the test knows its token: it stores the hash itself), refused though it is the only one.
    const expired = "an-expired-link-token-0000";
    await prisma.emailConfirmation.updateMany({ where: { userId: actor.id }, data: { tokenHash: sha256(expired), expiresAt: new Date(Date.now() - 1000) } });
    expect(await confirmLoader(args(reader.get(`/confirm-email?token=${expired}`)))).toEqual({ token: null, name: null, confirmed: null, days: 7 });
    expect(outcomeOf(await confirmAction(args(reader.post("/confirm-email", { intent: "confirm", token: expired })))).status).toBe(410);
    const unconfirmed = async () => (await prisma.user.findUniqueOrThrow({ where: { id: actor.id } })).emailConfirmedAt === null;
    expect(await unconfirmed()).toBe(true);
    // A link made before a newer one was asked for: the same refusal.
    const superseded = "a-superseded-link-token-00";
    await prisma.emailConfirmation.updateMany({ where: { userId: actor.id }, data: { tokenHash: sha256(superseded), expiresAt: new Date(Date.now() + 60_000) } });

    // A visitor cannot have links sent: they are sent to sign in.
    const visitorAsks = (await settle(() => confirmAction(args(reader.post("/confirm-email", { intent: "resend" }))))) as Response;
    expect(visitorAsks.status).toBe(302);
    expect(visitorAsks.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    // A new link makes the earlier ones stop working; three an hour, then a clear refusal.
    for (let i = 0; i < 3; i++) expect(outcomeOf(await confirmAction(args(visitor.post("/confirm-email", { intent: "resend" })))).sentTo).toBe("pia@example.org");
    expect(await prisma.emailConfirmation.count({ where: { userId: actor.id } })).toBe(1);
    expect(outcomeOf(await confirmAction(args(reader.post("/confirm-email", { intent: "confirm", token: superseded })))).status).toBe(410);
    expect(await unconfirmed()).toBe(true);
    const fourth = outcomeOf(await confirmAction(args(visitor.post("/confirm-email", { intent: "resend" }))));
    expect(fourth.status).toBe(429);
    expect(fourth.refused).toMatch(/Too many/);
  });

  it("counts a password-reset link as proof of the address", async () => {
    const { actor } = await signUp("quinn@example.org");
    // A reset link whose token the test knows (it stores the hash, as the e-mail's link would be).
    const token = "a-reset-token-the-mail-carried";
    await prisma.passwordReset.create({ data: { userId: actor.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + 60_000) } });
    expect(await resetPassword(token, "another long password")).toBe("quinn@example.org");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: actor.id } })).emailConfirmedAt).not.toBeNull();
  });
});
