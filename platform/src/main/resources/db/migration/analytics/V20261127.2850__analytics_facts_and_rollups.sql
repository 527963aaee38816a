-- The analytics module (issue 20): one fact per transaction stage, fed by the other modules' events, and rollups kept
-- in the same transaction as each fact (or recomputed from the facts by --yiwang.command=rebuild-analytics). Pages read
-- the rollups only, never the operational tables.
CREATE SCHEMA IF NOT EXISTS analytics;
GRANT USAGE ON SCHEMA analytics TO ${app_role};

-- One row per stage of one transaction. fact_key names the event it came from, so a redelivered event adds nothing.
-- category_code and procedure are '' where the stage has none (a market entity's registration); month is the first
-- day of the Beijing-time month the stage happened in.
CREATE TABLE analytics.facts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fact_key        text NOT NULL UNIQUE,
  stage           text NOT NULL CHECK (stage IN ('PUBLISHED', 'OPENED', 'AWARDED', 'FAILED', 'CONTRACT', 'SECURITY',
                    'ENTITY', 'COMPLAINT', 'ALERT', 'EXPERT_SEAT')),
  month           date NOT NULL CHECK (extract(day FROM month) = 1),
  occurred_at     timestamptz NOT NULL,
  region_code     text NOT NULL,
  category_code   text NOT NULL,
  procedure       text NOT NULL,
  trade_code      text NOT NULL,
  subject_id      uuid,
  record_id       uuid,
  title           text NOT NULL,
  budget          numeric(20,2),
  amount          numeric(20,2),
  bidders         integer CHECK (bidders >= 0),
  winner_region   text,
  non_local       boolean,
  e_guarantee     boolean,
  deadline        timestamptz,
  duration_days   double precision,
  staff           text
);
CREATE INDEX facts_trade ON analytics.facts (trade_code, stage);
CREATE INDEX facts_subject ON analytics.facts (subject_id) WHERE subject_id IS NOT NULL;
CREATE INDEX facts_drill ON analytics.facts (month, stage, region_code, category_code);
ALTER TABLE analytics.facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.facts FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON analytics.facts
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON analytics.facts TO ${app_role};

-- The measures every rollup keeps. paired_* count only facts with both an amount and a budget (savings, premium);
-- winners_known those whose winner's registered region is known (non-local share).
CREATE TABLE analytics.rollups (
  month              date NOT NULL,
  stage              text NOT NULL,
  region_code        text NOT NULL,
  category_code      text NOT NULL,
  procedure          text NOT NULL,
  n                  bigint NOT NULL,
  amount             numeric(24,2) NOT NULL,
  budget             numeric(24,2) NOT NULL,
  paired_amount      numeric(24,2) NOT NULL,
  paired_budget      numeric(24,2) NOT NULL,
  bidders            bigint NOT NULL,
  bidders_n          bigint NOT NULL,
  winners_known      bigint NOT NULL,
  non_local          bigint NOT NULL,
  e_guarantee_n      bigint NOT NULL,
  e_guarantee_amount numeric(24,2) NOT NULL,
  duration_sum       double precision NOT NULL,
  duration_n         bigint NOT NULL,
  PRIMARY KEY (month, stage, region_code, category_code, procedure)
);
CREATE INDEX rollups_region ON analytics.rollups (region_code, month);
CREATE INDEX rollups_category ON analytics.rollups (category_code, month);
ALTER TABLE analytics.rollups ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.rollups FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON analytics.rollups
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics.rollups TO ${app_role};

-- The same without the district, for city-wide readers: a few thousand rows answer the whole city's charts. Only a
-- transaction scoped to the whole city sees or writes it.
CREATE TABLE analytics.city_rollups (LIKE analytics.rollups INCLUDING DEFAULTS);
ALTER TABLE analytics.city_rollups DROP COLUMN region_code;
ALTER TABLE analytics.city_rollups ADD PRIMARY KEY (month, stage, category_code, procedure);
ALTER TABLE analytics.city_rollups ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.city_rollups FORCE ROW LEVEL SECURITY;
CREATE POLICY whole_city ON analytics.city_rollups
  USING (coalesce(current_setting('yiwang.scope_all', true) = 'on', false))
  WITH CHECK (coalesce(current_setting('yiwang.scope_all', true) = 'on', false));
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics.city_rollups TO ${app_role};

-- Sections by their number of bidders at opening (the distribution chart).
CREATE TABLE analytics.bidder_counts (
  month           date NOT NULL,
  region_code     text NOT NULL,
  category_code   text NOT NULL,
  procedure       text NOT NULL,
  bidders         integer NOT NULL,
  sections        bigint NOT NULL,
  PRIMARY KEY (month, region_code, category_code, procedure, bidders)
);
ALTER TABLE analytics.bidder_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.bidder_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON analytics.bidder_counts
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics.bidder_counts TO ${app_role};

-- Completions per acting person (staff who published or confirmed, experts who sat) per month and stage.
CREATE TABLE analytics.staff_rollups (
  month           date NOT NULL,
  region_code     text NOT NULL,
  staff           text NOT NULL,
  stage           text NOT NULL,
  n               bigint NOT NULL,
  duration_sum    double precision NOT NULL,
  duration_n      bigint NOT NULL,
  PRIMARY KEY (month, region_code, staff, stage)
);
ALTER TABLE analytics.staff_rollups ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.staff_rollups FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON analytics.staff_rollups
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics.staff_rollups TO ${app_role};
