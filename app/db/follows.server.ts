import type { Actor } from "~/domain/auth/roles";
import type { FollowTargetType } from "~/domain/follows/permissions";
import type { TranslatableType } from "~/domain/translations/permissions";
import { env } from "~/env.server";
import { dateIn, moneyIn, translatorFor } from "~/i18n/i18n.server";
import type { MessageValues } from "~/i18n/message";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./client.server";
import { deliverOutbox } from "~/mail.server";
import { queueMail } from "./outbox.server";
import { projectsInLocale, titlesIn } from "./translations.server";

export interface FollowTarget {
  type: FollowTargetType;
  id: string;
}

const PATHS: Record<FollowTargetType, string> = { idea: "/ideas/", proposal: "/proposals/", project: "/projects/" };
export const followPath = (target: FollowTarget) => `${PATHS[target.type]}${target.id}`;

/**
 * `toFollow`: a hidden idea cannot be followed any more (it can still be unfollowed). Nothing in a
 * draft cycle can be followed: the cycle is not public yet, so it does not exist to anyone following.
 */
export async function followTargetExists(target: FollowTarget, toFollow: boolean) {
  const publicCycle = { cycle: { phase: { not: "draft" } } };
  const where = { where: target.type === "idea" && toFollow ? { id: target.id, hiddenAt: null, ...publicCycle } : { id: target.id, ...publicCycle } };
  const found =
    target.type === "idea" ? await prisma.idea.count(where) : target.type === "proposal" ? await prisma.proposal.count(where) : await prisma.project.count(where);
  return found === 1;
}

/**
 * What a person follows, newest first, each named in the reader's language (or as written, with its
 * language): their account page lists them, with a way to stop following each.
 */
export async function followsOf(userId: string, locale: string) {
  const follows = await prisma.follow.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  const ids = (type: FollowTargetType) => follows.filter((f) => f.targetType === type).map((f) => f.targetId);
  const [ideas, proposals, projects] = await Promise.all([
    prisma.idea.findMany({ where: { id: { in: ids("idea") } }, select: { id: true, title: true, writtenIn: true, hiddenAt: true } }),
    prisma.proposal.findMany({ where: { id: { in: ids("proposal") } }, select: { id: true, title: true, writtenIn: true } }),
    prisma.project.findMany({
      where: { id: { in: ids("project") } },
      select: { id: true, title: true, proposalId: true, proposal: { select: { title: true, writtenIn: true } }, cycle: { select: { id: true, name: true, writtenIn: true } }, district: { select: { id: true, name: true, writtenIn: true } } },
    }),
  ]);
  const [ideaTitles, proposalTitles, projectNames] = await Promise.all([titlesIn("idea", ideas, locale), titlesIn("proposal", proposals, locale), projectsInLocale(projects, locale)]);
  // An idea hidden by moderation since: still listed (so it can be unfollowed), but not by its title.
  const hidden = new Set(ideas.filter((i) => i.hiddenAt !== null).map((i) => i.id));
  const named = new Map<string, { title: string; writtenIn: string | null }>([...ideaTitles, ...proposalTitles, ...[...projectNames].map(([id, p]) => [id, { title: p.title, writtenIn: p.writtenIn }] as const)]);
  // A followed item deleted since (a project dropped) has no name: left out.
  return follows.flatMap((f) => {
    const name = named.get(f.targetId);
    const target = { type: f.targetType as FollowTargetType, id: f.targetId };
    if (!name) return [];
    return [hidden.has(f.targetId) ? { ...target, title: null, writtenIn: null, path: null } : { ...target, ...name, path: followPath(target) }];
  });
}

export async function isFollowing(userId: string | undefined, target: FollowTarget) {
  if (!userId) return false;
  return (await prisma.follow.count({ where: { userId, targetType: target.type, targetId: target.id } })) === 1;
}

/** Follows or unfollows; e-mails are written in the language the person uses when they follow. */
export async function setFollowing(actor: Actor, target: FollowTarget, follow: boolean, locale: string) {
  const key = { userId_targetType_targetId: { userId: actor.id, targetType: target.type, targetId: target.id } };
  return prisma.$transaction(async (tx) => {
    if (follow) {
      await tx.follow.upsert({ where: key, update: { locale }, create: { userId: actor.id, targetType: target.type, targetId: target.id, locale } });
    } else {
      await tx.follow.deleteMany({ where: { userId: actor.id, targetType: target.type, targetId: target.id } });
    }
    await audit(tx, actor, follow ? "follow" : "unfollow", { type: target.type, id: target.id });
  });
}

/**
 * A value filled into a follower's e-mail: text or a number as it is, a day ("2026-11-26") or an
 * amount in cents, each written as the follower's language writes dates and money, or an item's
 * title, given in the follower's language where staff translated that item.
 */
export type MailValue = string | number | { day: string } | { cents: number; currency: string } | TranslatableTitle;
type TranslatableTitle = { title: string; of: { type: TranslatableType; id: string } };

/** An item's title for an e-mail; `translatable` false keeps it as written (a project renamed after the vote). */
export const titleOf = (title: string, type: TranslatableType, id: string, translatable = true): MailValue => (translatable ? { title, of: { type, id } } : title);

/** The translated titles the values name, by locale, type and id. */
async function titlesFor(tx: Tx, values: Record<string, MailValue>, locales: string[]) {
  const named = Object.values(values).filter((v): v is TranslatableTitle => typeof v === "object" && "of" in v);
  if (named.length === 0 || locales.length === 0) return new Map<string, string>();
  const rows = await tx.contentTranslation.findMany({
    where: { locale: { in: locales }, OR: named.map((v) => ({ targetType: v.of.type, targetId: v.of.id })) },
    select: { locale: true, targetType: true, targetId: true, title: true },
  });
  return new Map(rows.map((r) => [`${r.locale} ${r.targetType} ${r.targetId}`, r.title]));
}

function valuesIn(locale: string, values: Record<string, MailValue>, titles: Map<string, string>): MessageValues {
  const written = (v: MailValue) =>
    typeof v !== "object" ? v
    : "day" in v ? dateIn(locale, v.day)
    : "cents" in v ? moneyIn(locale, v.cents, v.currency)
    : (titles.get(`${locale} ${v.of.type} ${v.of.id}`) ?? v.title);
  return Object.fromEntries(Object.entries(values).map(([key, v]) => [key, written(v)]));
}

/** A change that may e-mail followers: the mail is queued in its transaction and goes out after the commit, without holding the answer. */
export function changeWithMail<T>(change: (tx: Tx) => Promise<T>) {
  return prisma.$transaction(change).finally(() => void deliverOutbox());
}

/** One e-mail to each follower, in their language, queued in the caller's transaction (see changeWithMail). */
export async function notifyFollowers(
  tx: Tx,
  target: FollowTarget,
  mail: { subject: string; body: string; values: Record<string, MailValue> },
  except?: string,
) {
  const followers = await tx.follow.findMany({
    // Only to confirmed addresses: anyone can sign up with someone else's and follow fifty projects.
    where: { targetType: target.type, targetId: target.id, userId: except ? { not: except } : undefined, user: { emailConfirmedAt: { not: null } } },
    include: { user: { select: { email: true, name: true } } },
  });
  const link = new URL(followPath(target), env.PUBLIC_URL).toString();
  const titles = await titlesFor(tx, mail.values, [...new Set(followers.map((f) => f.locale))]);
  for (const follower of followers) {
    const t = translatorFor(follower.locale);
    const values = { ...valuesIn(follower.locale, mail.values, titles), name: follower.user.name, link };
    await queueMail(tx, {
      to: follower.user.email,
      subject: t(mail.subject, values),
      text: `${t(mail.body, values)}\n\n${t("follows:mail.footer", values)}`,
    });
  }
  return followers.length;
}
