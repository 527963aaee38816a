-- The draw in tens of milliseconds from a pool of 100,000 (issue 6).
--
-- 1. The experts' slow-changing facts (specialties, home region, employer, certificate) are held in memory by the
--    draw (ExpertPoolSnapshot); any change to them moves this counter in the same transaction, and a draw that sees another
--    counter than its copy's reloads the copy first, in one statement.
CREATE TABLE evaluation.expert_pool_version (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version   bigint NOT NULL
);
INSERT INTO evaluation.expert_pool_version (only_row, version) VALUES (true, 0);

CREATE FUNCTION evaluation.expert_pool_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE evaluation.expert_pool_version SET version = version + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER experts_pool_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evaluation.experts
  FOR EACH STATEMENT EXECUTE FUNCTION evaluation.expert_pool_changed();
CREATE TRIGGER holdings_pool_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON evaluation.expert_specialty_holdings FOR EACH STATEMENT EXECUTE FUNCTION evaluation.expert_pool_changed();
GRANT SELECT, UPDATE ON evaluation.expert_pool_version TO ${app_role};

-- 2. A specialty's certified experts in id order (16 bytes per id), kept once under the SHA-256 of that list: the
--    same list is shared by every draw made while it did not change. Random ids do not compress: stored as they are.
CREATE TABLE evaluation.expert_pool_lists (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  specialty  text NOT NULL,
  size       int NOT NULL CHECK (size >= 0),
  ids        bytea NOT NULL CHECK (length(ids) = 16 * size),
  kept_at    timestamptz NOT NULL
);
ALTER TABLE evaluation.expert_pool_lists ALTER COLUMN ids SET STORAGE EXTERNAL;
GRANT SELECT, INSERT ON evaluation.expert_pool_lists TO ${app_role};

-- 3. A draw's pool is then, per specialty, which list and a bitmap of who in it was eligible (DrawPool.encode): about
--    17 KB for a pool of 100,000 instead of the 3.7 MB canonical text, which is rendered from it for the verification
--    record. Earlier draws keep their text.
ALTER TABLE evaluation.draws ADD COLUMN pool_lists bytea;
ALTER TABLE evaluation.draws ALTER COLUMN pool DROP NOT NULL;
ALTER TABLE evaluation.draws ADD CONSTRAINT draws_pool_kept CHECK (pool IS NOT NULL OR pool_lists IS NOT NULL);
