CREATE SCHEMA IF NOT EXISTS transparency;
GRANT USAGE ON SCHEMA transparency TO ${app_role};

-- Issue 24: one append-only RFC 6962/9162 Merkle log of everything the platform publishes and receipts. Nothing here
-- is secret or region-scoped (every leaf is public by design), so no row-level security: the log is the same for all.

-- Facts waiting to be sequenced: listeners add them in the transaction of the event; the one sequencer moves them
-- into the log in arrival order within the maximum merge delay. (kind, identifier) is unique so that an event
-- delivered twice is logged once.
CREATE TABLE transparency.pending (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  identifier    text NOT NULL CHECK (length(identifier) BETWEEN 1 AND 200),
  content_hash  bytea NOT NULL CHECK (length(content_hash) = 32),
  received_at   timestamptz NOT NULL,
  UNIQUE (kind, identifier)
);

-- The leaves, in log order (index from 0, no gaps). leaf_hash = SHA-256(0x00 || the leaf's canonical text).
CREATE TABLE transparency.leaves (
  leaf_index    bigint PRIMARY KEY CHECK (leaf_index >= 0),
  kind          text NOT NULL,
  identifier    text NOT NULL,
  content_hash  bytea NOT NULL CHECK (length(content_hash) = 32),
  entered_at    timestamptz NOT NULL,
  leaf_hash     bytea NOT NULL CHECK (length(leaf_hash) = 32),
  UNIQUE (kind, identifier)
);
CREATE INDEX leaves_by_hash ON transparency.leaves (leaf_hash);
CREATE INDEX leaves_by_content ON transparency.leaves (content_hash);

-- Every complete (perfect) subtree above the leaves: level >= 1, covering leaves [idx * 2^level, (idx + 1) * 2^level).
-- Any subtree hash of any tree size is then at most log2(n) of these, so proofs are O(log n) reads.
CREATE TABLE transparency.nodes (
  level   smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
  idx     bigint NOT NULL CHECK (idx >= 0),
  hash    bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
);

-- The one row the sequencer locks: how many leaves the log holds. One writer at a time, on any number of nodes.
CREATE TABLE transparency.log_size (
  id    integer PRIMARY KEY CHECK (id = 1),
  size  bigint NOT NULL CHECK (size >= 0)
);
INSERT INTO transparency.log_size VALUES (1, 0);

-- Signed tree heads: the canonical text signed with the platform SM2 key and its RFC 3161 timestamp token.
CREATE TABLE transparency.tree_heads (
  id               bigserial PRIMARY KEY,
  tree_size        bigint NOT NULL CHECK (tree_size >= 0),
  root             bytea NOT NULL CHECK (length(root) = 32),
  signed_at        timestamptz NOT NULL,
  tree_head        bytea NOT NULL CHECK (length(tree_head) <= 1024),
  signature        bytea NOT NULL CHECK (length(signature) <= 1024),
  timestamp_token  bytea NOT NULL CHECK (length(timestamp_token) <= 65536)
);
CREATE INDEX tree_heads_by_size ON transparency.tree_heads (tree_size);

CREATE FUNCTION transparency.refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'the transparency log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER leaves_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON transparency.leaves
  FOR EACH STATEMENT EXECUTE FUNCTION transparency.refuse_change();
CREATE TRIGGER nodes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON transparency.nodes
  FOR EACH STATEMENT EXECUTE FUNCTION transparency.refuse_change();
CREATE TRIGGER tree_heads_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON transparency.tree_heads
  FOR EACH STATEMENT EXECUTE FUNCTION transparency.refuse_change();

GRANT SELECT, INSERT, DELETE ON transparency.pending TO ${app_role};
GRANT USAGE ON SEQUENCE transparency.pending_id_seq TO ${app_role};
GRANT SELECT, INSERT ON transparency.leaves, transparency.nodes TO ${app_role};
GRANT SELECT, UPDATE ON transparency.log_size TO ${app_role};
GRANT SELECT, INSERT ON transparency.tree_heads TO ${app_role};
GRANT USAGE ON SEQUENCE transparency.tree_heads_id_seq TO ${app_role};
