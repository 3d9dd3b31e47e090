/**
 * The name shown beside what a person wrote or did: none once they closed their account (pages then say
 * "A resident", or "—" where a name is optional). One rule for every page that names people.
 */
export function shownName(person: { name: string; closedAt: Date | null }): string | null {
  return person.closedAt ? null : person.name;
}
