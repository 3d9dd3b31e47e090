import { createHash, randomBytes } from "node:crypto";
import { hashPassword, passwordMatches } from "~/auth.server";
import type { z } from "zod";
import { CONFIRM_LINK_DAYS, RESET_LINK_MINUTES, type grantRoleInput } from "~/domain/accounts/schema";
import { GRANTED_ROLES, grantRefusal, revokeRefusal, type GrantedRole } from "~/domain/accounts/permissions";
import type { Actor, Role } from "~/domain/auth/roles";
import { message } from "~/i18n/message";
import { env } from "~/env.server";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./client.server";
import { changeWithMail } from "./follows.server";
import { queueMail } from "./outbox.server";
import { sessionIdOf } from "./sessions.server";

export async function emailTaken(email: string) {
  return (await prisma.user.count({ where: { email: email.toLowerCase() } })) > 0;
}

/** A new resident account, signed in at once; the link that confirms its address is e-mailed in `locale`. */
export async function createResident(input: { name: string; email: string; password: string }, locale: string) {
  const passwordHash = await hashPassword(input.password);
  return changeWithMail(async (tx) => {
    const user = await tx.user.create({
      data: { name: input.name, email: input.email.toLowerCase(), passwordHash, roles: { create: [{ role: "resident" }] } },
    });
    await audit(tx, null, "user.signup", { type: "user", id: user.id });
    await mailConfirmationLink(tx, user, locale);
    return user;
  });
}

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A new one-time token and the link to `path` that carries it (only its SHA-256 is stored). The language
 * goes along, so the page opens in it from a mail app with no cookie.
 */
function mailedLink(path: string, locale: string) {
  const token = randomBytes(32).toString("base64url");
  return { token, link: new URL(`${path}?token=${token}&lng=${encodeURIComponent(locale)}`, env.PUBLIC_URL).toString() };
}

/** A new confirmation link for the account (earlier ones stop working; expired ones of every account go). */
async function mailConfirmationLink(tx: Tx, user: { id: string; email: string; name: string }, locale: string) {
  const { token, link } = mailedLink("/confirm-email", locale);
  await tx.emailConfirmation.deleteMany({ where: { OR: [{ userId: user.id }, { expiresAt: { lte: new Date() } }] } });
  await tx.emailConfirmation.create({ data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + CONFIRM_LINK_DAYS * 86_400_000) } });
  const t = translatorFor(locale);
  const values = { name: user.name, link, days: CONFIRM_LINK_DAYS };
  await queueMail(tx, { to: user.email, subject: t("auth:confirm.mail.subject", values), text: t("auth:confirm.mail.body", values) });
}

/** Sends the signed-in person a new confirmation link, unless their address is confirmed already (then false). */
export async function sendConfirmationAgain(userId: string, locale: string) {
  return changeWithMail(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, emailConfirmedAt: true } });
    if (user.emailConfirmedAt) return false;
    await mailConfirmationLink(tx, user, locale);
    return true;
  });
}

/**
 * The account a confirmation link still works for (without using it), by the name it was made in: the
 * page shows it, so someone whose address a stranger signed up with sees whose account it is. Null when
 * the link is used, expired or unknown.
 */
export async function confirmationLinkAccount(token: string) {
  const link = await prisma.emailConfirmation.findFirst({ where: { tokenHash: sha256(token), expiresAt: { gt: new Date() } }, select: { user: { select: { name: true } } } });
  return link ? { name: link.user.name } : null;
}

/**
 * Confirms the address the link was sent to, once (the link is used up); from then on e-mails about
 * what the person follows reach it. Returns the address, or null for a used, expired or unknown link.
 */
export async function confirmEmail(token: string) {
  return prisma.$transaction(async (tx) => {
    const link = await tx.emailConfirmation.findFirst({ where: { tokenHash: sha256(token), expiresAt: { gt: new Date() } }, select: { userId: true } });
    if (!link) return null;
    // Used up with the account's other links (confirming twice at once would only confirm twice).
    await tx.emailConfirmation.deleteMany({ where: { userId: link.userId } });
    const user = await tx.user.update({ where: { id: link.userId }, data: { emailConfirmedAt: new Date() }, select: { email: true } });
    await audit(tx, null, "user.email-confirmed", { type: "user", id: link.userId });
    return user.email;
  });
}

/**
 * The operator's command line (npm run user:grant): gives an account roles, making it when no account
 * uses the address. Either way the account gets `password`, and every device signed in to it is signed
 * out: anyone may sign up with any address (there is no e-mail confirmation), so an account that
 * already existed may not be the addressee's. The person then chooses a password with "Forgot your
 * password?", which proves the mailbox is theirs. Staff belong to an agency, made when new; `lead`
 * lets them assign their agency's costing work.
 */
export async function grantRoles(input: { email: string; name: string; roles: Role[]; agency?: string; lead?: boolean; password: string }) {
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const agency = input.agency ? await tx.agency.upsert({ where: { name: input.agency }, update: {}, create: { name: input.agency } }) : null;
    const existing = await tx.user.findUnique({ where: { email } });
    const staffing = agency ? { agencyId: agency.id, agencyLead: input.lead ?? false } : {};
    if (existing) await tx.session.deleteMany({ where: { userId: existing.id } });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash, ...staffing } })
      : await tx.user.create({ data: { email, name: input.name, passwordHash, ...staffing } });
    for (const role of new Set<Role>(["resident", ...input.roles])) {
      await tx.userRole.upsert({ where: { userId_role: { userId: user.id, role } }, update: {}, create: { userId: user.id, role } });
    }
    await audit(tx, null, "user.roles-granted", { type: "user", id: user.id }, { roles: input.roles, agency: input.agency ?? null, lead: input.lead ?? false, created: !existing });
    // A new account confirms its address like any other (the operator may have mistyped it); the caller sends the mail.
    if (!existing) await mailConfirmationLink(tx, user, DEFAULT_LOCALE);
    return { created: !existing, user };
  });
}

/**
 * E-mails a link to choose a new password, in the language the person asked in, when an account
 * has this address; nothing otherwise (the page says the same either way, so it tells nobody who
 * has an account). Earlier links for the account stop working; used and expired links of every account are removed.
 */
export async function startPasswordReset(email: string, locale: string) {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, name: true } });
  if (!user) return;
  const { token, link } = mailedLink("/reset-password", locale);
  const t = translatorFor(locale);
  await changeWithMail(async (tx) => {
    // This account's earlier links, and any account's links that no longer work (used or expired): nothing keeps dead tokens.
    await tx.passwordReset.deleteMany({ where: { OR: [{ userId: user.id }, { usedAt: { not: null } }, { expiresAt: { lte: new Date() } }] } });
    await tx.passwordReset.create({ data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000) } });
    await audit(tx, null, "user.password-reset-asked", { type: "user", id: user.id });
    const values = { name: user.name, link, minutes: RESET_LINK_MINUTES };
    await queueMail(tx, { to: user.email, subject: t("auth:reset.mail.subject", values), text: t("auth:reset.mail.body", values) });
  });
}

/** Whether a reset link still works (unused, not expired), without using it. */
export async function resetLinkWorks(token: string) {
  return (await prisma.passwordReset.count({ where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: new Date() } } })) === 1;
}

/**
 * Sets the new password if the link still works, once: the link is used up in the same conditional
 * update, so two tabs cannot both use it, and any other link for the account goes too. Every session
 * of the account ends (whoever knew the old password is signed out). Returns the account's e-mail, or
 * null for a used, expired or unknown link.
 */
export async function resetPassword(token: string, password: string) {
  // The link first: a made-up token must not cost the server a password hash.
  if (!(await resetLinkWorks(token))) return null;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const tokenHash = sha256(token);
    const { count } = await tx.passwordReset.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (count === 0) return null;
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    // The link came to this mailbox: the address is confirmed too.
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, emailConfirmedAt: new Date() }, select: { id: true, email: true } });
    await tx.passwordReset.deleteMany({ where: { userId, tokenHash: { not: tokenHash } } });
    await tx.emailConfirmation.deleteMany({ where: { userId } }); // confirmed now: its sign-up link is moot
    await tx.session.deleteMany({ where: { userId } });
    await audit(tx, null, "user.password-reset", { type: "user", id: userId });
    return user.email;
  });
}

/** The signed-in person's own account page: their details and the ideas they brought. */
export async function ownAccount(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      emailConfirmedAt: true,
      ideas: { orderBy: { createdAt: "desc" }, select: { id: true, number: true, title: true, writtenIn: true, status: true, hiddenAt: true, cycle: { select: { id: true, name: true, writtenIn: true } } } },
    },
  });
}

/**
 * Everything the platform keeps about a person, for them to download: their details, ideas, comments,
 * supports, follows, and the cycles they voted in with the account (never what they voted: ballots
 * carry no name). Their translations of others' texts and the audit trail are the office's records.
 */
export async function accountData(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      createdAt: true,
      emailConfirmedAt: true,
      roles: { select: { role: true } },
      agency: { select: { name: true } },
      ideas: { orderBy: { createdAt: "asc" }, select: { number: true, title: true, description: true, location: true, status: true, createdAt: true, hiddenAt: true, hiddenReason: true, cycle: { select: { name: true } } } },
      comments: { orderBy: { createdAt: "asc" }, select: { targetType: true, targetId: true, channel: true, body: true, createdAt: true, hiddenAt: true, hiddenReason: true } },
      supports: { orderBy: { createdAt: "asc" }, select: { createdAt: true, idea: { select: { number: true, title: true, cycle: { select: { name: true } } } } } },
      follows: { orderBy: { createdAt: "asc" }, select: { targetType: true, targetId: true, locale: true, createdAt: true } },
      voterCodes: { where: { participation: { isNot: null } }, select: { cycle: { select: { name: true } }, district: { select: { name: true } }, participation: { select: { channel: true, votedOn: true } } } },
    },
  });
  const { voterCodes, roles, agency, ...rest } = user;
  return {
    ...rest,
    roles: roles.map((r) => r.role),
    agency: agency?.name ?? null,
    votedWithAccount: voterCodes.map((c) => ({ cycle: c.cycle.name, district: c.district.name, channel: c.participation!.channel, on: c.participation!.votedOn })),
  };
}

/** A new name, shown from now on beside the person's ideas and comments. */
export async function renameAccount(userId: string, name: string) {
  await prisma.user.update({ where: { id: userId }, data: { name } });
}

/**
 * A new password, when the current one is right (else false). Every other device is signed out (the one
 * with the `kept` session token stays), unused reset links stop working, and a mail tells the address, so
 * that someone who did not make the change hears of it.
 */
export async function changePassword(userId: string, current: string, password: string, locale: string, kept: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, passwordHash: true } });
  if (!(await passwordMatches(current, user.passwordHash))) return false;
  const passwordHash = await hashPassword(password);
  await changeWithMail(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId, id: { not: sessionIdOf(kept) } } });
    await tx.passwordReset.deleteMany({ where: { userId } });
    await audit(tx, null, "user.password-change", { type: "user", id: userId });
    const t = translatorFor(locale);
    const values = { name: user.name, link: new URL("/forgot-password", env.PUBLIC_URL).toString() };
    await queueMail(tx, { to: user.email, subject: t("auth:account.passwordMail.subject", values), text: t("auth:account.passwordMail.body", values) });
  });
  return true;
}

/**
 * Closes the account when the password is right (else false): its name, address and password go, and
 * with them its sign-ins, follows, links, committee seats and the copies of mail sent to it; its ideas, comments and supports stay (shown
 * as by "a resident"), so nothing others read or counted changes. The row stays for that. Audited
 * without the person's name (the audit trail cannot be rewritten, so it is not given one to keep).
 */
export async function closeAccount(userId: string, current: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!(await passwordMatches(current, user.passwordHash))) return false;
  // A password nobody knows: the account cannot be signed in to again.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name: "", email: `closed-${userId}@closed.invalid`, passwordHash, emailConfirmedAt: null, closedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.follow.deleteMany({ where: { userId } });
    await tx.emailConfirmation.deleteMany({ where: { userId } });
    await tx.passwordReset.deleteMany({ where: { userId } });
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.committeeMember.deleteMany({ where: { userId } });
    // Mail to the address, sent or not: the copies kept name the person and their address.
    await tx.outboxMessage.deleteMany({ where: { to: user.email } });
    await audit(tx, null, "user.close", { type: "user", id: userId });
  });
  return true;
}

/** Accounts holding a role beyond resident, with their agency: the PB office's People page. */
export async function peopleWithRoles() {
  const people = await prisma.user.findMany({
    where: { roles: { some: { role: { in: [...GRANTED_ROLES] } } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, agencyLead: true, agency: { select: { id: true, name: true } }, roles: { select: { role: true } } },
  });
  return people.map(({ roles, ...p }) => ({ ...p, roles: GRANTED_ROLES.filter((r) => roles.some((x) => x.role === r)) }));
}

/**
 * Gives a role to the account with this address (see grantRefusal); staff join an agency, one known or a
 * new one. The person's next page already has it (roles are read at every request). Audited.
 */
export async function grantRole(input: z.infer<typeof grantRoleInput>, actor: Actor, writtenIn: string = DEFAULT_LOCALE): Promise<{ ok: true; name: string } | { ok: false; field: string; error: string }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, emailConfirmedAt: true, roles: { select: { role: true } } } });
    const refusal = grantRefusal(user && { emailConfirmed: user.emailConfirmedAt !== null, roles: user.roles.map((r) => r.role) }, input.role);
    if (refusal || !user) return { ok: false as const, field: "email", error: refusal! };
    let agency: { id: string; name: string } | null = null;
    if (input.role === "staff") {
      agency = input.agencyId
        ? await tx.agency.findUnique({ where: { id: input.agencyId }, select: { id: true, name: true } })
        : await tx.agency.upsert({ where: { name: input.newAgency }, update: {}, create: { name: input.newAgency, writtenIn }, select: { id: true, name: true } });
      if (!agency) return { ok: false as const, field: "agencyId", error: message("admin:people.errors.agency") };
      await tx.user.update({ where: { id: user.id }, data: { agencyId: agency.id, agencyLead: input.lead } });
    }
    await tx.userRole.createMany({ data: [...new Set<Role>(["resident", input.role])].filter((r) => !user.roles.some((x) => x.role === r)).map((role) => ({ userId: user.id, role })) });
    await audit(tx, actor, "user.role-grant", { type: "user", id: user.id }, { role: input.role, agency: agency?.name ?? null, lead: input.role === "staff" && input.lead });
    return { ok: true as const, name: user.name };
  });
}

/** Takes a role back (see revokeRefusal); staff leave their agency. Audited. */
export async function revokeRole(userId: string, role: GrantedRole, actor: Actor): Promise<{ ok: true } | { ok: false; error: string }> {
  return prisma.$transaction(async (tx) => {
    const refusal = revokeRefusal(actor, { id: userId }, role);
    if (refusal) return { ok: false as const, error: refusal };
    const { count } = await tx.userRole.deleteMany({ where: { userId, role } });
    // Already taken back (a second click, another tab): nothing more to do or log.
    if (count === 0) return { ok: true as const };
    if (role === "staff") await tx.user.update({ where: { id: userId }, data: { agencyId: null, agencyLead: false } });
    // No longer a delegate: off every committee (no committee lists someone who cannot act for it).
    if (role === "delegate") await tx.committeeMember.deleteMany({ where: { userId } });
    await audit(tx, actor, "user.role-revoke", { type: "user", id: userId }, { role });
    return { ok: true as const };
  });
}
