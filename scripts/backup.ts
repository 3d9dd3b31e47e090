// npm run backup [-- --out FILE]: a consistent copy of the database in DATABASE_URL, while the
// app runs. SQLite: online backup to a .db file; PostgreSQL: pg_dump custom format (.dump).
// Default file: $BACKUP_DIR/civic-budget-<UTC time>.db|.dump (BACKUP_DIR defaults to data/backups);
// the photos of project updates (UPLOAD_DIR) are copied beside it, into <file>.photos/, and the
// session secret into <file>.secret (ballots waiting for the mix cannot be opened without it).
import { parseArgs } from "node:util";
import { env, sessionSecret } from "~/env.server";
import { backup, defaultBackupFile, secretOf } from "./lib/backup";

const { values } = parseArgs({ options: { out: { type: "string" } } });
let file: string;
try {
  file = await backup(env.DATABASE_URL, values.out ?? defaultBackupFile(env.DATABASE_URL, env.BACKUP_DIR), env.UPLOAD_DIR, sessionSecret);
} catch (error) {
  console.error(`no backup written: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`backup written: ${file}`);
console.log(`session secret written beside it: ${secretOf(file)} (keep it as safe as the backup: it signs sign-ins and opens ballots waiting for the mix)`);
