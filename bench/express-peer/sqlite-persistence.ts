/**
 * The peer's persistence: an ask-sdk-core `PersistenceAdapter` on SQLite through
 * better-sqlite3 12 (13 needs Node 22), one JSON document per Alexa user, as the ask-sdk's
 * own DynamoDB and S3 adapters store it. WAL journal mode, the setting better-sqlite3's docs
 * recommend for a server; the file lives in a temporary directory the load bench deletes.
 */
import Database from "better-sqlite3";
import { getUserId, type PersistenceAdapter } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";

export function createSqlitePersistence(file: string): PersistenceAdapter & { close(): void } {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE IF NOT EXISTS attributes (id TEXT PRIMARY KEY, document TEXT NOT NULL) WITHOUT ROWID");
  const select = db.prepare<[string], { document: string }>("SELECT document FROM attributes WHERE id = ?");
  const upsert = db.prepare<[string, string]>(
    "INSERT INTO attributes (id, document) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET document = excluded.document",
  );
  const remove = db.prepare<[string]>("DELETE FROM attributes WHERE id = ?");
  return {
    async getAttributes(envelope: RequestEnvelope) {
      const row = select.get(getUserId(envelope));
      return row === undefined ? {} : (JSON.parse(row.document) as Record<string, unknown>);
    },
    async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>) {
      upsert.run(getUserId(envelope), JSON.stringify(attributes));
    },
    async deleteAttributes(envelope: RequestEnvelope) {
      remove.run(getUserId(envelope));
    },
    close: () => db.close(),
  };
}
