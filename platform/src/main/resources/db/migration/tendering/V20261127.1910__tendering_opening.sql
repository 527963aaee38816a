-- Bids belong to a round of their section: a failed section re-tendered takes bids again, and an earlier round's
-- bids never count in a later one.
ALTER TABLE tendering.bids ADD COLUMN round int NOT NULL DEFAULT 1 CHECK (round >= 1);
DROP INDEX tendering.bids_one_standing;
CREATE UNIQUE INDEX bids_one_standing ON tendering.bids (section_id, round, bidder_id) WHERE status <> 'WITHDRAWN';

-- The remote opening (不见面开标) of a section's round, or its failure for too few bids. The public record (opening
-- record or failure notice) is signed by the platform; its text and signature are kept as published.
CREATE TABLE tendering.openings (
  section_id          uuid NOT NULL REFERENCES tendering.sections (id),
  round               int NOT NULL,
  region_code         text NOT NULL,
  outcome             text NOT NULL CHECK (outcome IN ('OPENING', 'FAILED', 'OPENED')),
  standing_bids       int NOT NULL,
  min_bids            int NOT NULL,
  started_at          timestamptz NOT NULL,
  decryption_until    timestamptz NOT NULL,
  backup_allowed      boolean NOT NULL,
  backup_opened_at    timestamptz,
  notice_id           uuid UNIQUE,
  signed_content      text,
  signature           text,
  closed_by           text,
  closed_at           timestamptz,
  PRIMARY KEY (section_id, round)
);

-- Each standing bid at the opening: check-in, decryption (who, when, the price sheet read out), confirmation.
CREATE TABLE tendering.opening_bids (
  bid_id              uuid PRIMARY KEY REFERENCES tendering.bids (id),
  section_id          uuid NOT NULL,
  round               int NOT NULL,
  region_code         text NOT NULL,
  bidder_id           uuid NOT NULL,
  bidder_name         text NOT NULL,
  bidder_credit_code  text,
  checked_in_at       timestamptz,
  checked_in_by       text,
  decryption          text CHECK (decryption IN ('BY_BIDDER', 'BY_CUSTODIANS', 'FAILED')),
  decrypted_at        timestamptz,
  decrypted_by        text,
  failure_rule        text,
  total_price         numeric(20,2),
  duration_days       int,
  quality             text,
  price_sheet         text,
  opened_directory    text,
  confirmation        text CHECK (confirmation IN ('CONFIRMED', 'OBJECTED')),
  confirmed_at        timestamptz,
  FOREIGN KEY (section_id, round) REFERENCES tendering.openings (section_id, round)
);
CREATE INDEX opening_bids_section ON tendering.opening_bids (section_id, round);

-- Objections raised at the opening (实施条例 Art. 44) and the tenderer's answers on the spot.
CREATE TABLE tendering.opening_objections (
  id              uuid PRIMARY KEY,
  section_id      uuid NOT NULL,
  round           int NOT NULL,
  region_code     text NOT NULL,
  bid_id          uuid NOT NULL REFERENCES tendering.opening_bids (bid_id),
  objector_name   text NOT NULL,
  text            text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  raised_by       text NOT NULL,
  raised_at       timestamptz NOT NULL,
  answer          text CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 2000),
  answered_by     text,
  answered_at     timestamptz,
  FOREIGN KEY (section_id, round) REFERENCES tendering.openings (section_id, round)
);
CREATE INDEX opening_objections_section ON tendering.opening_objections (section_id, round);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['openings', 'opening_bids', 'opening_objections'] LOOP
    EXECUTE format('ALTER TABLE tendering.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE tendering.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_scope ON tendering.%I USING (system.in_scope(region_code)) '
                   'WITH CHECK (system.in_scope(region_code))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON tendering.openings, tendering.opening_bids, tendering.opening_objections TO ${app_role};
