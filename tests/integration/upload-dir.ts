// Import right after "./fresh-db": photos uploaded by this test file go to a directory of its own.
import { randomUUID } from "node:crypto";

process.env.UPLOAD_DIR = `${process.env.TEST_DATA_DIR ?? "data/test/run"}/uploads-${randomUUID()}`;
