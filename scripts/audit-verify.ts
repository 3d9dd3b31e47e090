// Recomputes the audit log's hash chain and reports the first broken link.
// Usage: npm run audit:verify   (DATABASE_URL selects the database)
import { auditEntries } from "~/db/audit.server";
import { prisma } from "~/db/client.server";
import { verifyAuditChain } from "~/domain/audit/chain";

const entries = [];
for await (const e of auditEntries(prisma)) entries.push(e);
const result = verifyAuditChain(entries);
await prisma.$disconnect();
if (result.ok) {
  console.log(`Audit log intact: ${result.checked} chained entries verified${result.legacy ? ` (${result.legacy} earlier entries predate the chain)` : ""}.`);
} else {
  console.error(`Audit log BROKEN at entry #${result.brokenAt}: ${result.reason}. ${result.checked} entries before it are intact.`);
  process.exit(1);
}
