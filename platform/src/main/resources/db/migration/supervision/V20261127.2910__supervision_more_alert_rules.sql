-- More alert rules (issue 19): repeated failure, rotating winners, short periods, same IP or certificate across the
-- bidders of a section, abnormal expert scores, price change after award, late refunds. The rules remember the facts
-- they need across events in the tables below (each region-scoped like the alerts themselves).
ALTER TABLE supervision.alert_alerts DROP CONSTRAINT alert_alerts_rule_check;
ALTER TABLE supervision.alert_alerts ADD CONSTRAINT alert_alerts_rule_check
  CHECK (rule IN ('HIGH_RISK', 'FEW_BIDS', 'CONSTANT_RATIO', 'IDENTICAL_PRICES', 'DIRECT_SELECTION',
    'REPEATED_FAILURE', 'ROTATING_WINNERS', 'SHORT_PERIOD', 'SAME_IP', 'SAME_CERTIFICATE', 'EXPERT_OUTLIER',
    'PRICE_CHANGED', 'LATE_REFUND'));

-- What a trade code is (its section, region and category), from the tender notice and the opening: events that name
-- only the trade code (contract, refund) find the competent regulator through it.
CREATE TABLE supervision.alert_trades (
  trade_code      text PRIMARY KEY,
  section_id      uuid,
  subject         text NOT NULL,
  region_code     text NOT NULL,
  category_code   text NOT NULL
);

-- Failure notices (流标), counted per tender project (or per trade code where the project code is not known).
CREATE TABLE supervision.alert_failures (
  notice_id       uuid PRIMARY KEY,
  project_key     text NOT NULL,
  trade_code      text NOT NULL,
  region_code     text NOT NULL,
  failed_at       timestamptz NOT NULL
);
CREATE INDEX alert_failures_project ON supervision.alert_failures (project_key);

-- Who bid in each opened round (the bidder group: sorted bidder ids) and who won it, for the rotation rule and the
-- price-change rule.
CREATE TABLE supervision.alert_rounds (
  section_id      uuid NOT NULL,
  round           integer NOT NULL,
  trade_code      text NOT NULL,
  region_code     text NOT NULL,
  bidder_group    text NOT NULL,
  bidders         text NOT NULL,
  opened_at       timestamptz NOT NULL,
  winner_id       uuid,
  winner_name     text,
  award_price     numeric(18, 2),
  awarded_at      timestamptz,
  PRIMARY KEY (section_id, round)
);
CREATE INDEX alert_rounds_group ON supervision.alert_rounds (bidder_group);

-- Cash deposit refunds and their due day (实施条例 第五十七条), to flag the late ones.
CREATE TABLE supervision.alert_refunds (
  refund_id       uuid PRIMARY KEY,
  trade_code      text NOT NULL,
  region_code     text NOT NULL,
  account_number  text NOT NULL,
  principal       numeric(18, 2) NOT NULL,
  due_on          date NOT NULL,
  executed_at     timestamptz
);
CREATE INDEX alert_refunds_open ON supervision.alert_refunds (due_on) WHERE executed_at IS NULL;

ALTER TABLE supervision.alert_trades ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.alert_trades FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.alert_trades
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
ALTER TABLE supervision.alert_failures ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.alert_failures FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.alert_failures
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
ALTER TABLE supervision.alert_rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.alert_rounds FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.alert_rounds
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
ALTER TABLE supervision.alert_refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.alert_refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.alert_refunds
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT, UPDATE ON supervision.alert_trades TO ${app_role};
GRANT SELECT, INSERT ON supervision.alert_failures TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON supervision.alert_rounds TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON supervision.alert_refunds TO ${app_role};
