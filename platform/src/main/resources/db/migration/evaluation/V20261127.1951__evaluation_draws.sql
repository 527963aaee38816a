-- A draw for one section round: its commitment (seed and pool hashes) is recorded before any expert is drawn; the
-- seed and the pool stay sealed until evaluation begins, then anyone can recompute the picks (docs/expert-draw.md).
CREATE TABLE evaluation.draws (
  id                   uuid PRIMARY KEY,
  section_id           uuid NOT NULL,
  round                int NOT NULL,
  region_code          text NOT NULL,
  trade_code           text NOT NULL,
  tenderer             uuid NOT NULL,
  evaluation_at        timestamptz NOT NULL,
  include_regions      text[] NOT NULL DEFAULT '{}',
  exclude_regions      text[] NOT NULL DEFAULT '{}',
  service_period_days  int NOT NULL CHECK (service_period_days BETWEEN 0 AND 3650),
  seed                 bytea NOT NULL CHECK (length(seed) = 32),
  seed_sha256          text NOT NULL,
  pool                 text NOT NULL,
  pool_sha256          text NOT NULL,
  status               text NOT NULL CHECK (status IN ('COMMITTED', 'DRAWN', 'COMPLETE', 'EXHAUSTED')),
  requested_by         text NOT NULL,
  committed_at         timestamptz NOT NULL,
  drawn_at             timestamptz,
  completed_at         timestamptz,
  revealed_at          timestamptz
);
-- One live draw per section round; an exhausted one (nobody left to redraw) makes way for a new request.
CREATE UNIQUE INDEX draws_section_round ON evaluation.draws (section_id, round) WHERE status <> 'EXHAUSTED';

-- Per specialty: how many seats, and how far its random sequence has run (docs/expert-draw.md, the counter).
CREATE TABLE evaluation.draw_specialties (
  draw_id      uuid NOT NULL REFERENCES evaluation.draws (id),
  specialty    text NOT NULL,
  seats        int NOT NULL CHECK (seats BETWEEN 1 AND 30),
  eligible     int NOT NULL,
  counter      bigint NOT NULL DEFAULT 0,
  region_code  text NOT NULL,
  PRIMARY KEY (draw_id, specialty)
);

-- The picks in the order drawn; a decline or no-show is answered by the next pick of the same specialty.
CREATE TABLE evaluation.draw_picks (
  draw_id      uuid NOT NULL REFERENCES evaluation.draws (id),
  n            int NOT NULL,
  specialty    text NOT NULL,
  expert_id    uuid NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('INVITED', 'ACCEPTED', 'DECLINED', 'NO_SHOW')),
  answered_at  timestamptz,
  answered_by  text,
  region_code  text NOT NULL,
  PRIMARY KEY (draw_id, n),
  UNIQUE (draw_id, expert_id)
);
CREATE INDEX draw_picks_expert ON evaluation.draw_picks (expert_id);

-- People the tenderer asks to avoid for a section (by name, optionally with the ID number).
CREATE TABLE evaluation.draw_avoidances (
  id          uuid PRIMARY KEY,
  section_id  uuid NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  id_number   text CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  added_by    text NOT NULL,
  added_at    timestamptz NOT NULL
);
CREATE INDEX draw_avoidances_name ON evaluation.draw_avoidances (section_id, name);
CREATE INDEX draw_avoidances_id_number ON evaluation.draw_avoidances (section_id, id_number);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['draws', 'draw_specialties', 'draw_picks'] LOOP
    EXECUTE format('ALTER TABLE evaluation.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE evaluation.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_scope ON evaluation.%I USING (system.in_scope(region_code)) '
                   'WITH CHECK (system.in_scope(region_code))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON evaluation.draws, evaluation.draw_specialties, evaluation.draw_picks TO ${app_role};
GRANT SELECT, INSERT ON evaluation.draw_avoidances TO ${app_role};
