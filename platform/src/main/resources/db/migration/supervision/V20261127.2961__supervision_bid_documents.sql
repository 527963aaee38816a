-- Bid documents of opened bids, as the document screens (issue 19, 实施条例 第四十条) keep them: each file's metadata
-- (author, last editor, creating program, times) and the MinHash signature of its text (128 64-bit minima), never the
-- text itself. Written only after tendering recorded an opened bid's files (the committee's first read).
ALTER TABLE supervision.alert_alerts DROP CONSTRAINT alert_alerts_rule_check;
ALTER TABLE supervision.alert_alerts ADD CONSTRAINT alert_alerts_rule_check
  CHECK (rule IN ('HIGH_RISK', 'FEW_BIDS', 'CONSTANT_RATIO', 'IDENTICAL_PRICES', 'DIRECT_SELECTION',
    'REPEATED_FAILURE', 'ROTATING_WINNERS', 'SHORT_PERIOD', 'SAME_IP', 'SAME_CERTIFICATE', 'EXPERT_OUTLIER',
    'PRICE_CHANGED', 'LATE_REFUND', 'SAME_DOCUMENT_AUTHOR', 'NEAR_DUPLICATE_BIDS'));

CREATE TABLE supervision.bid_documents (
  bid_id            uuid NOT NULL,
  position          integer NOT NULL,
  section_id        uuid NOT NULL,
  round             integer NOT NULL,
  region_code       text NOT NULL,
  bidder            text NOT NULL,
  bidder_name       text NOT NULL,
  file_name         text NOT NULL,
  sha256            text NOT NULL,
  author            text,
  last_modified_by  text,
  creator           text,
  producer          text,
  created_at        timestamptz,
  modified_at       timestamptz,
  shingles          integer NOT NULL,
  min_hash          bytea NOT NULL CHECK (length(min_hash) = 1024),
  PRIMARY KEY (bid_id, position)
);
CREATE INDEX bid_documents_round ON supervision.bid_documents (section_id, round);

ALTER TABLE supervision.bid_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.bid_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON supervision.bid_documents
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON supervision.bid_documents TO ${app_role};
