-- An alert is dispatched to a party: the operator (the district trading center's staff, as before) or the regulator
-- department in charge of the matter. The party acknowledges receipt, and either side keeps follow-up records until
-- the alert is closed. Alerts dispatched before this have no party recorded: they went to the operator.
ALTER TABLE supervision.alert_alerts
  ADD COLUMN dispatched_to    text CHECK (dispatched_to IN ('OPERATOR', 'DEVELOPMENT_REFORM', 'HOUSING_CONSTRUCTION',
    'TRANSPORT', 'WATER', 'FINANCE', 'STATE_ASSETS', 'NATURAL_RESOURCES', 'HEALTH', 'PUBLIC_RESOURCE_TRADING')),
  ADD COLUMN acknowledged_by  text,
  ADD COLUMN acknowledged_at  timestamptz;

CREATE TABLE supervision.alert_followups (
  id              uuid PRIMARY KEY,
  alert_id        uuid NOT NULL REFERENCES supervision.alert_alerts (id),
  region_code     text NOT NULL,
  author          text NOT NULL,
  party           text NOT NULL,
  note            text NOT NULL,
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX alert_followups_alert ON supervision.alert_followups (alert_id, recorded_at);
ALTER TABLE supervision.alert_followups ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.alert_followups FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.alert_followups
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON supervision.alert_followups TO ${app_role};
