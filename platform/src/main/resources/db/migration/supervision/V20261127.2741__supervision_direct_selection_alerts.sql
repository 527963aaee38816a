-- The intermediary marketplace's direct selections become alerts for the competent regulator.
ALTER TABLE supervision.alert_alerts DROP CONSTRAINT alert_alerts_rule_check;
ALTER TABLE supervision.alert_alerts ADD CONSTRAINT alert_alerts_rule_check
  CHECK (rule IN ('HIGH_RISK', 'FEW_BIDS', 'CONSTANT_RATIO', 'IDENTICAL_PRICES', 'DIRECT_SELECTION'));
