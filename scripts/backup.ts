// npm run backup [-- --out FILE]: a consistent copy of the database in DATABASE_URL, while the
// app runs. SQLite: online backup to a .db file; PostgreSQL: pg_dump custom format (.dump).
// Default file: $BACKUP_DIR/civic-budget-<UTC time>.db|.dump (BACKUP_DIR defaults to data/backups);
// the photos of project updates (UPLOAD_DIR) are copied beside it, into <file>.photos/.
import { parseArgs } from "node:util";
import { env } from "~/env.server";
import { backup, defaultBackupFile } from "./lib/backup";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const file = await backup(env.DATABASE_URL, values.out ?? defaultBackupFile(env.DATABASE_URL, env.BACKUP_DIR), env.UPLOAD_DIR);
console.log(`backup written: ${file}`);
