-- The result notice (中标结果通知书) each bidder other than the winner receives when the winner is confirmed: a PDF
-- the platform signs with its SM2 key (detached signature kept beside it), as the winner's award notice is.
CREATE TABLE tendering.result_notices (
  section_id     uuid NOT NULL REFERENCES tendering.sections (id),
  round          int NOT NULL,
  bidder_id      uuid NOT NULL,
  region_code    text NOT NULL,
  notice_id      uuid NOT NULL UNIQUE,
  pdf            bytea NOT NULL,
  pdf_sha256     text NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  pdf_signature  bytea NOT NULL,
  issued_at      timestamptz NOT NULL,
  PRIMARY KEY (section_id, round, bidder_id)
);

ALTER TABLE tendering.result_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.result_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.result_notices USING (system.in_scope(region_code))
  WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT ON tendering.result_notices TO ${app_role};
