-- What the national data specification asks of a listing beyond its text (datasets 700 挂牌披露信息 and 701 交易结果信息):
-- the asset class (资产类别（实物）, GB/T 14885-2022 门类 1-9: the specification files carry no code list), the appraised or
-- book value (转让标的评估值或账面净值), both stated at submission; and the project number (项目编号) the platform gives
-- at publication, per region and year: CQ-500103-2026-GP0001. Listings submitted before have none: NULL, reported
-- missing by the uplink.
ALTER TABLE auction.listings ADD COLUMN asset_class text CHECK (asset_class IS NULL OR asset_class ~ '^[1-9]$'),
  ADD COLUMN appraised_value numeric(20,2) CHECK (appraised_value IS NULL OR appraised_value > 0),
  ADD COLUMN project_code text UNIQUE;

CREATE TABLE auction.listing_project_sequences (
  region_code   text NOT NULL,
  year          int NOT NULL,
  last_value    int NOT NULL,
  PRIMARY KEY (region_code, year)
);
ALTER TABLE auction.listing_project_sequences ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.listing_project_sequences FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.listing_project_sequences USING (system.in_scope(region_code))
  WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON auction.listing_project_sequences TO ${app_role};
