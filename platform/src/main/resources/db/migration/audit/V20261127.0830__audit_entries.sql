CREATE SCHEMA IF NOT EXISTS audit;
GRANT USAGE ON SCHEMA audit TO ${app_role};

-- The append-only, hash-chained log of every state change. Each entry's hash covers its fields, the hash of its
-- payload and the previous entry's hash; the head row names the last entry, so removing entries at the end shows too.
CREATE TABLE audit.entries (
  seq           bigint PRIMARY KEY CHECK (seq >= 1),
  occurred_at   timestamptz NOT NULL,
  actor         text NOT NULL,
  role          text NOT NULL,
  actor_region  text,
  region_code   text NOT NULL,
  action        text NOT NULL,
  target        text NOT NULL,
  payload       text NOT NULL,
  payload_hash  text NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL UNIQUE
);
CREATE INDEX entries_region_seq ON audit.entries (region_code, seq DESC);

CREATE TABLE audit.chain_head (
  id    integer PRIMARY KEY CHECK (id = 1),
  seq   bigint NOT NULL,
  hash  text NOT NULL
);
INSERT INTO audit.chain_head VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- Anyone acting may append (the entry records who); reading is scoped to the reader's regions.
ALTER TABLE audit.entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.entries FORCE ROW LEVEL SECURITY;
CREATE POLICY read_in_scope ON audit.entries FOR SELECT USING (system.in_scope(region_code));
CREATE POLICY append ON audit.entries FOR INSERT WITH CHECK (true);

GRANT SELECT, INSERT ON audit.entries TO ${app_role};
GRANT SELECT, UPDATE ON audit.chain_head TO ${app_role};
