-- The codes the national data specification asks (招标项目编号, 标段（包）编号) and whether consortia may bid
-- (是否允许联合体投标). Tender projects and sections registered before have none: NULL, reported as missing by the
-- uplink, never made up afterwards.
ALTER TABLE tendering.tender_projects ADD COLUMN code text UNIQUE;
ALTER TABLE tendering.sections ADD COLUMN code text UNIQUE, ADD COLUMN consortium_allowed boolean;

-- The next tender project number per region and year (招标项目编号 CQ-500103-2026-ZB0017), like trade codes.
CREATE TABLE tendering.tender_project_sequences (
  region_code   text NOT NULL,
  year          int NOT NULL,
  last_value    int NOT NULL,
  PRIMARY KEY (region_code, year)
);
ALTER TABLE tendering.tender_project_sequences ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.tender_project_sequences FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.tender_project_sequences USING (system.in_scope(region_code))
  WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON tendering.tender_project_sequences TO ${app_role};
