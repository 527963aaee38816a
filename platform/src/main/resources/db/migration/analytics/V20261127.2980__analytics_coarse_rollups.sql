-- Rollups shaped for the dashboards' questions (issue 20 at 10 M facts): the monthly series of every chart groups by
-- month, stage and procedure only, and the district ranking by month, stage and district. Reading them from the
-- month × stage × district × category × procedure grain scanned thousands of rows per chart; these answer each in
-- O(months × stages) rows. Kept by the same statements as the other rollups (Rollups.java), in the fact's transaction.

-- New countable stages: a section re-tendered after it failed (told apart from the failed share), service ratings
-- (好差评, for staff performance) and room bookings and their cancellations (venue utilisation).
ALTER TABLE analytics.facts DROP CONSTRAINT facts_stage_check;
ALTER TABLE analytics.facts ADD CONSTRAINT facts_stage_check CHECK (stage IN ('PUBLISHED', 'OPENED', 'AWARDED', 'FAILED',
  'CONTRACT', 'SECURITY', 'ENTITY', 'COMPLAINT', 'ALERT', 'EXPERT_SEAT', 'RETENDERED', 'GOOD_RATING', 'BAD_RATING',
  'ROOM_BOOKED', 'ROOM_CANCELLED'));

-- The whole city by month, stage and procedure (six of them): a few hundred rows answer the public's monthly series.
CREATE TABLE analytics.city_months (
  month              date NOT NULL,
  stage              text NOT NULL,
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
  PRIMARY KEY (month, stage, procedure)
);
ALTER TABLE analytics.city_months ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.city_months FORCE ROW LEVEL SECURITY;
CREATE POLICY whole_city ON analytics.city_months
  USING (coalesce(current_setting('yiwang.scope_all', true) = 'on', false))
  WITH CHECK (coalesce(current_setting('yiwang.scope_all', true) = 'on', false));
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics.city_months TO ${app_role};

-- Each district by month, stage and procedure: a district's monthly series (by its key's prefix) and the
-- districts' ranking for a month (by the second index).
CREATE TABLE analytics.region_months (LIKE analytics.city_months INCLUDING DEFAULTS);
ALTER TABLE analytics.region_months ADD COLUMN region_code text NOT NULL;
ALTER TABLE analytics.region_months ADD PRIMARY KEY (region_code, month, stage, procedure);
CREATE INDEX region_months_month ON analytics.region_months (month, stage);
ALTER TABLE analytics.region_months ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.region_months FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON analytics.region_months
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics.region_months TO ${app_role};

-- Sections (and auction lots) by their number of bidders, for the whole city: the distribution without reading every
-- district's rows.
CREATE TABLE analytics.city_bidder_counts (
  month           date NOT NULL,
  category_code   text NOT NULL,
  procedure       text NOT NULL,
  bidders         integer NOT NULL,
  sections        bigint NOT NULL,
  PRIMARY KEY (month, category_code, procedure, bidders)
);
ALTER TABLE analytics.city_bidder_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.city_bidder_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY whole_city ON analytics.city_bidder_counts
  USING (coalesce(current_setting('yiwang.scope_all', true) = 'on', false))
  WITH CHECK (coalesce(current_setting('yiwang.scope_all', true) = 'on', false));
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics.city_bidder_counts TO ${app_role};

-- A regulator's industries across the city: its few categories' rows, not every category's of each month.
CREATE INDEX city_rollups_category ON analytics.city_rollups (category_code, month);

-- The transferees qualified to bid on each listing, so that a lot's bidders are counted when its auction closes (the
-- closing event names the bids, not the bidders); the count goes into the lot's OPENED fact.
CREATE TABLE analytics.lot_bidders (
  listing         uuid NOT NULL,
  registration    uuid NOT NULL,
  region_code     text NOT NULL,
  PRIMARY KEY (listing, registration)
);
ALTER TABLE analytics.lot_bidders ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.lot_bidders FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON analytics.lot_bidders
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON analytics.lot_bidders TO ${app_role};
