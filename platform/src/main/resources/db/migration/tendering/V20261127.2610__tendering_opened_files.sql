-- The files of a decrypted bid (its price sheet and documents) kept in the blob store under their SHA-256, with both
-- hashes, for the evaluation committee to read (issue 17, item 1). One row per file, in the order shown: position 0
-- is the price sheet, then the documents by name. Written once per bid; the decrypted directory is not read again.
CREATE TABLE tendering.opened_files (
  bid_id        uuid NOT NULL REFERENCES tendering.opening_bids (bid_id),
  position      int NOT NULL CHECK (position >= 0),
  region_code   text NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  price_sheet   boolean NOT NULL,
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  sm3           text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  size          bigint NOT NULL CHECK (size >= 0),
  stored_at     timestamptz NOT NULL,
  PRIMARY KEY (bid_id, position),
  UNIQUE (bid_id, name)
);

ALTER TABLE tendering.opened_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.opened_files FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.opened_files
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT ON tendering.opened_files TO ${app_role};

-- Who signed each opened bid: the certificate in its envelope, read when the envelope was verified again (signature,
-- SHA-256 and SM3 of the whole file against the receipted ones) at the first read.
CREATE TABLE tendering.opened_signers (
  bid_id        uuid PRIMARY KEY REFERENCES tendering.opening_bids (bid_id),
  region_code   text NOT NULL,
  subject       text NOT NULL,
  issuer        text NOT NULL,
  serial        text NOT NULL,
  fingerprint   text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  credit_code   text,
  verified_at   timestamptz NOT NULL
);

ALTER TABLE tendering.opened_signers ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.opened_signers FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.opened_signers
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT ON tendering.opened_signers TO ${app_role};
