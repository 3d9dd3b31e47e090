// Who is acting. Pure: every stage's permissions module takes an Actor.

export const ROLES = ["resident", "delegate", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  name: string;
  email: string;
  roles: readonly Role[];
  /** Staff belong to one agency. */
  agencyId: string | null;
  /** Staff who lead their agency assign and reassign its costing work. */
  agencyLead?: boolean;
  /** The person opened the link e-mailed to their address: e-mails about what they follow reach it. */
  emailConfirmed?: boolean;
}

export function hasRole(actor: Actor | null | undefined, role: Role): boolean {
  return !!actor && actor.roles.includes(role);
}
