-- Persistent attributes of ask-sdk skills (src/ask-sdk/persistence/d1-adapter.ts, and the
-- DynamoDB/S3 drop-ins built on it). One row per (namespace, id): `namespace` is the adapter's
-- namespace (a DynamoDB table name, an S3 bucket name), `id` is the partition key (user, device
-- or person id; for S3 with its path prefix). `value` is the whole attributes value as JSON
-- text, any JSON (a bare string too), written by one atomic upsert per save; `updated_at` is
-- milliseconds since epoch.
CREATE TABLE IF NOT EXISTS ask_sdk_attributes (
  namespace TEXT NOT NULL,
  id TEXT NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (namespace, id)
) WITHOUT ROWID;
