// Recomputes the audit log's hash chain and reports the first broken link.
// Usage: npm run audit:verify [-- --since HASH]   (DATABASE_URL selects the database)
// It prints the newest entry's hash: keep that line off the machine (a ticket, the council's minutes).
// A later run with --since HASH proves no entry up to that one was removed from the end of the log,
// which the chain alone cannot show.
import { parseArgs } from "node:util";
import { auditEntries } from "~/db/audit.server";
import { prisma } from "~/db/client.server";
import { verifyAuditChain } from "~/domain/audit/chain";

const { values } = parseArgs({ options: { since: { type: "string" } } });
const entries = [];
for await (const e of auditEntries(prisma)) entries.push(e);
const result = verifyAuditChain(entries, values.since);
await prisma.$disconnect();
if (result.ok) {
  console.log(`Audit log intact: ${result.checked} chained entries verified${result.legacy ? ` (${result.legacy} earlier entries predate the chain)` : ""}${values.since ? `, including the one with hash ${values.since}` : ""}.`);
  if (result.head) console.log(`Newest entry #${result.head.id}, hash ${result.head.hash} (keep it off this machine; check later with --since ${result.head.hash})`);
} else if (result.brokenAt === null) {
  console.error(`Audit log BROKEN: ${result.reason}. The ${result.checked} entries left are chained correctly.`);
  process.exit(1);
} else {
  console.error(`Audit log BROKEN at entry #${result.brokenAt}: ${result.reason}. ${result.checked} entries before it are intact.`);
  process.exit(1);
}
