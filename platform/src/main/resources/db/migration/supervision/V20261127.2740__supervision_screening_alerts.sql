-- The supervision module's screens and alerts. The schema may already exist (the regulators' workspace creates it
-- too): both migrations create it only if missing and repeat the same harmless grant.
CREATE SCHEMA IF NOT EXISTS supervision;
GRANT USAGE ON SCHEMA supervision TO ${app_role};

-- The price screens of a section's opened bids, one row per opening round (computed when tendering publishes
-- BidsOpened). Screens are null where undefined (too few or all-equal bids).
CREATE TABLE IF NOT EXISTS supervision.screening_sections (
  section_id      uuid NOT NULL,
  round           integer NOT NULL,
  trade_code      text NOT NULL,
  region_code     text NOT NULL,
  category_code   text NOT NULL,
  bids            integer NOT NULL CHECK (bids >= 0),
  cv              double precision,
  spd             double precision,
  diffp           double precision,
  rd              double precision,
  kurt            double precision,
  skew            double precision,
  kstest          double precision,
  risk            double precision NOT NULL CHECK (risk >= 0 AND risk <= 1),
  drivers         text NOT NULL,
  computed_at     timestamptz NOT NULL,
  PRIMARY KEY (section_id, round)
);
ALTER TABLE supervision.screening_sections ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.screening_sections FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.screening_sections
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON supervision.screening_sections TO ${app_role};

-- Alerts (预警): raised by a rule on an event, with the evidence that explains it; the competent regulator (region and
-- industry) dispatches it to the operator, the operator answers, the regulator closes it.
CREATE TABLE IF NOT EXISTS supervision.alert_alerts (
  id              uuid PRIMARY KEY,
  rule            text NOT NULL CHECK (rule IN ('HIGH_RISK', 'FEW_BIDS', 'CONSTANT_RATIO', 'IDENTICAL_PRICES')),
  dedup_key       text NOT NULL UNIQUE,
  section_id      uuid,
  trade_code      text NOT NULL,
  subject         text NOT NULL,
  region_code     text NOT NULL,
  category_code   text NOT NULL,
  evidence        text NOT NULL,
  status          text NOT NULL CHECK (status IN ('OPEN', 'DISPATCHED', 'ANSWERED', 'CLOSED')),
  raised_at       timestamptz NOT NULL,
  dispatched_by   text,
  dispatched_at   timestamptz,
  instruction     text,
  answered_by     text,
  answered_at     timestamptz,
  feedback        text,
  closed_by       text,
  closed_at       timestamptz,
  conclusion      text,
  version         bigint NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS alert_alerts_open ON supervision.alert_alerts (region_code, status, raised_at);
ALTER TABLE supervision.alert_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.alert_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.alert_alerts
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON supervision.alert_alerts TO ${app_role};
