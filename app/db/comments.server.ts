import { shownName } from "~/domain/accounts/names";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { hasRole, type Actor } from "~/domain/auth/roles";
import { withinReach } from "~/domain/committees/permissions";
import { delegateReach } from "./committees.server";
import { commentPermissions, type CommentChannel } from "~/domain/comments/permissions";
import type { CommentInput } from "~/domain/comments/schema";
import { audit } from "./audit.server";
import { prisma } from "./client.server";

export type CommentTargetType = "idea" | "proposal";

/** What a comment hangs on: its cycle's phase, the costing agency, and where its page is. */
export async function commentTarget(type: CommentTargetType, id: string) {
  if (type === "idea") {
    const idea = await prisma.idea.findUnique({ where: { id }, select: { id: true, hiddenAt: true, cycle: { select: { phase: true } } } });
    return idea ? { type, id, phase: idea.cycle.phase, agencyId: null, path: `/ideas/${id}`, hidden: idea.hiddenAt !== null } : null;
  }
  const proposal = await prisma.proposal.findUnique({ where: { id }, select: { id: true, agencyId: true, cycleId: true, districtId: true, categoryId: true, cycle: { select: { phase: true } } } });
  return proposal
    ? { type, id, phase: proposal.cycle.phase, agencyId: proposal.agencyId, path: `/proposals/${id}`, hidden: false, scope: { cycleId: proposal.cycleId, districtId: proposal.districtId, categoryId: proposal.categoryId } }
    : null;
}

/** A thread as the permissions see it, for one person: whether their committees cover the proposal (delegates only). */
export async function threadFor(actor: Actor | null, target: CommentTarget, channel: CommentChannel) {
  const scope = "scope" in target ? target.scope : null;
  const delegateReaches = !!scope && hasRole(actor, "delegate") && withinReach(await delegateReach(scope.cycleId, actor?.id), scope);
  return { channel, phase: target.phase, agencyId: target.agencyId, hidden: target.hidden, delegateReaches };
}
export type CommentTarget = NonNullable<Awaited<ReturnType<typeof commentTarget>>>;

/**
 * A thread as one viewer may see it: hidden comments show as hidden, with the text and
 * reason only for their author and the PB office. Null when the viewer may not read it.
 */
export async function commentThread(actor: Actor | null, target: CommentTarget, channel: CommentChannel) {
  const thread = await threadFor(actor, target, channel);
  if (!commentPermissions.read(actor, thread)) return null;
  const comments = await prisma.comment.findMany({
    where: { targetType: target.type, targetId: target.id, channel },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { name: true, closedAt: true } } },
  });
  const moderator = commentPermissions.hide(actor);
  return {
    channel,
    target: { type: target.type, id: target.id },
    canWrite: commentPermissions.write(actor, thread),
    offerSignIn: commentPermissions.offerSignIn(actor, thread),
    canHide: moderator,
    comments: comments.map((c) => {
      const seesHidden = moderator || c.authorId === actor?.id;
      const hidden = c.hiddenAt !== null;
      return {
        id: c.id,
        author: shownName(c.author),
        createdAt: c.createdAt.toISOString(),
        hidden,
        body: !hidden || seesHidden ? c.body : null,
        writtenIn: c.writtenIn,
        hiddenReason: hidden && seesHidden ? c.hiddenReason : null,
      };
    }),
  };
}
export type CommentThreadView = NonNullable<Awaited<ReturnType<typeof commentThread>>>;

export async function addComment(input: CommentInput, actor: Actor, writtenIn: string = DEFAULT_LOCALE) {
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { targetType: input.targetType, targetId: input.targetId, channel: input.channel, body: input.body, writtenIn, authorId: actor.id },
    });
    await audit(tx, actor, "comment.create", { type: "comment", id: comment.id }, { target: `${input.targetType}:${input.targetId}`, channel: input.channel });
    return comment;
  });
}

export async function findComment(id: string) {
  return prisma.comment.findUnique({ where: { id } });
}

export async function hideComment(id: string, reason: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await tx.comment.update({ where: { id }, data: { hiddenAt: new Date(), hiddenReason: reason } });
    await audit(tx, actor, "comment.hide", { type: "comment", id }, { reason });
  });
}

/** A comment hidden by mistake shows again (the audit log keeps that it was hidden, and why). */
export async function showCommentAgain(id: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({ where: { id, hiddenAt: { not: null } }, data: { hiddenAt: null, hiddenReason: "" } });
    if (count) await audit(tx, actor, "comment.unhide", { type: "comment", id });
  });
}
