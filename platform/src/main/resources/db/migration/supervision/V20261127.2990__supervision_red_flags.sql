-- Procedural red flags on the platform's own OCDS data (issue 19): one row per contracting process (trade code) and
-- indicator that fired, as open-contracting's cardinal-rs defines the indicator. Computed from the portal's public
-- OCDS release package when a section's candidates or award are published, and rebuildable from the release feed:
-- a recomputation replaces the process's rows.
CREATE TABLE supervision.red_flags (
  trade_code     text NOT NULL,
  code           text NOT NULL CHECK (code IN ('R003', 'R018', 'R024', 'R028', 'R030', 'R035', 'R036', 'R058')),
  ocid           text NOT NULL,
  title          text NOT NULL,
  region_code    text NOT NULL,
  category_code  text NOT NULL,
  value          numeric(20,6) NOT NULL,
  evidence       text NOT NULL,
  record_id      uuid NOT NULL,
  computed_at    timestamptz NOT NULL,
  PRIMARY KEY (trade_code, code)
);
CREATE INDEX red_flags_computed ON supervision.red_flags (computed_at DESC);

ALTER TABLE supervision.red_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.red_flags FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.red_flags
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, DELETE ON supervision.red_flags TO ${app_role};
