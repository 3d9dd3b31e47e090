import type { Actor } from "../auth/roles";
import type { Phase } from "../cycles/phases";

export const FOLLOW_TARGETS = ["idea", "proposal", "project"] as const;
export type FollowTargetType = (typeof FOLLOW_TARGETS)[number];

export const followPermissions = {
  /** Anyone with an account may follow what is public; visitors are asked to sign in. */
  follow: (actor: Actor | null) => !!actor,
  /** What a cycle still in draft holds is not public yet: nothing to follow (the button is not offered). */
  offer: (cycle: { phase: Phase | string }) => cycle.phase !== "draft",
};
