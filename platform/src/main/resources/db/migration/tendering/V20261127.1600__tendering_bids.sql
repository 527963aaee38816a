-- Sealed bids (投标文件): the envelope is a content-addressed blob on disk (forced to disk before this row commits);
-- the row counts as a bid once its receipt is stored (status RECEIPTED). A row left RECEIVED by a crash between the
-- commit and the receipt gets its receipt on the retry under the same idempotency key, and never counts before.
CREATE TABLE tendering.bids (
  id                  uuid PRIMARY KEY,
  section_id          uuid NOT NULL REFERENCES tendering.sections (id),
  region_code         text NOT NULL,
  trade_code          text NOT NULL,
  bidder_id           uuid NOT NULL,
  bidder_name         text NOT NULL,
  bidder_credit_code  text,
  sha256              text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  sm3                 text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  size                bigint NOT NULL CHECK (size > 0),
  signer_fingerprint  text NOT NULL,
  sealed_at           timestamptz,
  received_at         timestamptz NOT NULL,
  submitted_by        text NOT NULL,
  idempotency_key     text NOT NULL,
  status              text NOT NULL CHECK (status IN ('RECEIVED', 'RECEIPTED', 'WITHDRAWN')),
  statement           bytea NOT NULL,
  receipt             bytea,
  receipted_at        timestamptz,
  withdrawn_at        timestamptz,
  UNIQUE (submitted_by, idempotency_key)
);
CREATE UNIQUE INDEX bids_one_standing ON tendering.bids (section_id, bidder_id) WHERE status <> 'WITHDRAWN';
CREATE INDEX bids_section ON tendering.bids (section_id, status);

-- What supervision needs to detect collusion, kept apart from the bid: only regulators read it, after opening.
-- (The machine fingerprint and document metadata travel sealed inside the envelope.)
CREATE TABLE tendering.bid_evidence (
  bid_id        uuid PRIMARY KEY REFERENCES tendering.bids (id),
  region_code   text NOT NULL,
  source_ip     text NOT NULL,
  user_agent    text
);

-- When a section's bids were opened (part 2 opens them; until then evidence stays closed).
ALTER TABLE tendering.sections ADD COLUMN opened_at timestamptz;

ALTER TABLE tendering.bids ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.bids FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.bids USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
ALTER TABLE tendering.bid_evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.bid_evidence FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.bid_evidence
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT, UPDATE ON tendering.bids TO ${app_role};
GRANT SELECT, INSERT ON tendering.bid_evidence TO ${app_role};
