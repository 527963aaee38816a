-- Evaluation attempts (issue 19): a regulator's re-evaluation order (责令重新评标) has the same section round evaluated
-- again. The case, the draw and the committee's seats carry the attempt (1, 2, ...); rows from before are attempt 1.
-- The earlier attempt's case, scores and report stay as they were, readable, marked superseded by the order.
ALTER TABLE evaluation.cases ADD COLUMN attempt int NOT NULL DEFAULT 1 CHECK (attempt >= 1);
ALTER TABLE evaluation.cases ADD COLUMN superseded_at timestamptz;
ALTER TABLE evaluation.cases ADD COLUMN superseded_by uuid;
ALTER TABLE evaluation.cases DROP CONSTRAINT cases_section_id_round_key;
ALTER TABLE evaluation.cases ADD CONSTRAINT cases_section_round_attempt UNIQUE (section_id, round, attempt);

ALTER TABLE evaluation.draws ADD COLUMN attempt int NOT NULL DEFAULT 1 CHECK (attempt >= 1);
DROP INDEX evaluation.draws_section_round;
CREATE UNIQUE INDEX draws_section_round_attempt ON evaluation.draws (section_id, round, attempt)
  WHERE status <> 'EXHAUSTED';

ALTER TABLE evaluation.committee_seats ADD COLUMN attempt int NOT NULL DEFAULT 1 CHECK (attempt >= 1);
ALTER TABLE evaluation.committee_seats DROP CONSTRAINT committee_seats_pkey;
ALTER TABLE evaluation.committee_seats ADD PRIMARY KEY (section_id, round, attempt, username);

-- The orders carried out: which kind (a new lawfully formed committee, 实施条例 第七十条/第七十一条; or the original
-- committee re-checking, 重庆市招标投标条例 第四十四条), the attempt it opened and the signed act (decision_ref).
CREATE TABLE evaluation.reevaluations (
  id               uuid PRIMARY KEY,
  section_id       uuid NOT NULL,
  round            int NOT NULL,
  attempt          int NOT NULL CHECK (attempt >= 2),
  kind             text NOT NULL CHECK (kind IN ('NEW_COMMITTEE', 'SAME_COMMITTEE')),
  superseded_case  uuid NOT NULL REFERENCES evaluation.cases (id),
  decision_ref     uuid NOT NULL UNIQUE,
  region_code      text NOT NULL,
  ordered_by       text NOT NULL,
  ordered_at       timestamptz NOT NULL,
  UNIQUE (section_id, round, attempt)
);
-- Under a new committee the original members never sit again on that section round: experts are left out of every
-- later draw of it, accounts (the tenderer's representative) refused as a seat.
CREATE TABLE evaluation.reevaluation_exclusions (
  section_id   uuid NOT NULL,
  round        int NOT NULL,
  username     text NOT NULL,
  expert_id    uuid,
  region_code  text NOT NULL,
  PRIMARY KEY (section_id, round, username)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['reevaluations', 'reevaluation_exclusions'] LOOP
    EXECUTE format('ALTER TABLE evaluation.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE evaluation.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_scope ON evaluation.%I USING (system.in_scope(region_code)) '
        || 'WITH CHECK (system.in_scope(region_code))', t);
  END LOOP;
END $$;
GRANT SELECT, INSERT ON evaluation.reevaluations, evaluation.reevaluation_exclusions TO ${app_role};
