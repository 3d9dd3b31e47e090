import { hasRole, type Actor } from "../auth/roles";

export interface CommitteeScope {
  districtId: string | null;
  categoryId: string | null;
}

// The PB office sets up committees and assigns delegates; delegates see their own committees' work.
export const committeePermissions = {
  manage: (actor: Actor | null) => hasRole(actor, "admin"),
  /** Only people who are delegates can sit on a committee. */
  canSit: (member: { roles: readonly string[] }) => member.roles.includes("delegate"),
  viewOwn: (actor: Actor | null) => hasRole(actor, "delegate"),
};

/** Whether an idea or proposal falls within a committee's district and category (empty means all). */
export function inCommitteeScope(scope: CommitteeScope, item: { districtId: string; categoryId: string }) {
  return (scope.districtId === null || scope.districtId === item.districtId) && (scope.categoryId === null || scope.categoryId === item.categoryId);
}

/**
 * Where one delegate works in one cycle. Once the PB office sets up committees in a cycle, a delegate
 * works on the ideas and proposals of their own committees only; a cycle run without committees
 * (a small programme) is every delegate's.
 */
export type DelegateReach = { wholeCycle: true } | { wholeCycle: false; scopes: readonly CommitteeScope[] };

export function withinReach(reach: DelegateReach, item: { districtId: string; categoryId: string }): boolean {
  return reach.wholeCycle || reach.scopes.some((scope) => inCommitteeScope(scope, item));
}

/** The districts and categories a delegate can put a proposal in: those some committee of theirs covers. */
export function reachableChoices<D extends { id: string }, C extends { id: string }>(reach: DelegateReach, districts: readonly D[], categories: readonly C[]) {
  const scopes: readonly CommitteeScope[] = reach.wholeCycle ? [{ districtId: null, categoryId: null }] : reach.scopes;
  return {
    districts: districts.filter((d) => scopes.some((s) => s.districtId === null || s.districtId === d.id)),
    categories: categories.filter((c) => scopes.some((s) => s.categoryId === null || s.categoryId === c.id)),
  };
}

/** Whether the delegate has any work in the cycle (a committee there, or a cycle without committees). */
export function hasReach(reach: DelegateReach): boolean {
  return reach.wholeCycle || reach.scopes.length > 0;
}
