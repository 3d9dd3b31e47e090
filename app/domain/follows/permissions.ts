import type { Actor } from "../auth/roles";

export const FOLLOW_TARGETS = ["idea", "proposal", "project"] as const;
export type FollowTargetType = (typeof FOLLOW_TARGETS)[number];

export const followPermissions = {
  /** Anyone with an account may follow what is public; visitors are asked to sign in. */
  follow: (actor: Actor | null) => !!actor,
};
