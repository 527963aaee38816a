-- Open framework agreements (开放式框架协议, 财政部令第110号 — the figures and rules as applied are listed in
-- docs/procurement.md, to be checked against the text): the framework is in force from its call; during the term any
-- supplier meeting the conditions joins at the price the purchaser fixed (no price competition, no elimination), and
-- may leave; the call is republished while the term runs. A row here marks a framework as open.
CREATE TABLE procurement.open_frameworks (
  framework_id          uuid PRIMARY KEY REFERENCES procurement.frameworks (id),
  region_code           text NOT NULL,
  republications        int NOT NULL DEFAULT 0 CHECK (republications >= 0),
  republished_at        timestamptz
);
ALTER TABLE procurement.open_frameworks ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.open_frameworks FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.open_frameworks
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.open_frameworks TO ${app_role};

-- When a supplier joined an open framework and when (and why) it left; a supplier that left may join again.
ALTER TABLE procurement.framework_suppliers ADD COLUMN joined_at timestamptz;
ALTER TABLE procurement.framework_suppliers ADD COLUMN exited_at timestamptz;
ALTER TABLE procurement.framework_suppliers ADD COLUMN exit_reason text
  CHECK (exit_reason IS NULL OR length(exit_reason) BETWEEN 1 AND 500);
