-- Persistent skill attributes (skillflare/skill createD1Persistence). One row per (partition key,
-- top-level attribute name), so a save rewrites only the attributes it changed: two concurrent
-- requests that change different attributes of the same user both survive, and a save is one
-- atomic D1 batch. `value` is the attribute's JSON text; `updated_at` is milliseconds since epoch.
CREATE TABLE IF NOT EXISTS skill_attributes (
  partition_key TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (partition_key, name)
) WITHOUT ROWID;
