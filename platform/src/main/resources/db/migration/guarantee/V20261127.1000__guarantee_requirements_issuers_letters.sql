CREATE SCHEMA IF NOT EXISTS guarantee;
GRANT USAGE ON SCHEMA guarantee TO ${app_role};

-- The bid security a section (or lot) asks for, keyed by its trade code (统一交易标识码). Set by the district's staff
-- now, by the tendering and auction modules later. The beneficiary is the tenderer's registry entity.
CREATE TABLE guarantee.requirements (
  id                        uuid PRIMARY KEY,
  trade_code                text NOT NULL UNIQUE CHECK (trade_code ~ '^[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]$'),
  section_name              text NOT NULL CHECK (length(section_name) BETWEEN 1 AND 200),
  region_code               text NOT NULL,
  category_code             text NOT NULL,
  beneficiary_id            uuid NOT NULL,
  beneficiary_name          text NOT NULL,
  beneficiary_credit_code   text NOT NULL,
  amount                    numeric(20,2) NOT NULL CHECK (amount > 0),
  bid_validity_end          date NOT NULL,
  created_by                text NOT NULL,
  created_at                timestamptz NOT NULL
);
ALTER TABLE guarantee.requirements ENABLE ROW LEVEL SECURITY;
ALTER TABLE guarantee.requirements FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON guarantee.requirements
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

-- Guarantee issuers (banks, insurers, guarantee firms) and the machine account that acts for each over the API.
-- City-wide: an issuer serves every district.
CREATE TABLE guarantee.issuers (
  entity_id         uuid PRIMARY KEY,
  name              text NOT NULL,
  credit_code       text NOT NULL,
  client_username   text NOT NULL UNIQUE,
  registered_by     text NOT NULL,
  registered_at     timestamptz NOT NULL
);

-- A bidder's application for an e-guarantee, with what the requirement asked for at the time.
CREATE TABLE guarantee.applications (
  id                        uuid PRIMARY KEY,
  requirement_id            uuid NOT NULL REFERENCES guarantee.requirements (id),
  trade_code                text NOT NULL,
  section_name              text NOT NULL,
  region_code               text NOT NULL,
  beneficiary_id            uuid NOT NULL,
  beneficiary_name          text NOT NULL,
  beneficiary_credit_code   text NOT NULL,
  bid_validity_end          date NOT NULL,
  amount                    numeric(20,2) NOT NULL CHECK (amount > 0),
  applicant_id              uuid NOT NULL,
  applicant_name            text NOT NULL,
  applicant_credit_code     text NOT NULL,
  issuer_id                 uuid NOT NULL REFERENCES guarantee.issuers (entity_id),
  status                    text NOT NULL CHECK (status IN ('PENDING', 'ISSUED')),
  applied_by                text NOT NULL,
  applied_at                timestamptz NOT NULL
);
CREATE UNIQUE INDEX applications_one_open ON guarantee.applications (requirement_id, applicant_id, issuer_id);
CREATE INDEX applications_issuer ON guarantee.applications (issuer_id, status);
ALTER TABLE guarantee.applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE guarantee.applications FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON guarantee.applications
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

-- Guarantee letters as recorded after every check passed. City-wide, like the registry: anyone holding the number
-- and verification code checks one, and other modules ask whether a bidder holds security for a trade code.
CREATE TABLE guarantee.letters (
  id                        uuid PRIMARY KEY,
  application_id            uuid NOT NULL UNIQUE REFERENCES guarantee.applications (id),
  letter_number             text NOT NULL UNIQUE,
  verification_code         text NOT NULL,
  issuer_id                 uuid NOT NULL,
  issuer_name               text NOT NULL,
  beneficiary_name          text NOT NULL,
  beneficiary_credit_code   text NOT NULL,
  applicant_id              uuid NOT NULL,
  applicant_credit_code     text NOT NULL,
  trade_code                text NOT NULL,
  amount                    numeric(20,2) NOT NULL CHECK (amount > 0),
  valid_from                date NOT NULL,
  valid_until               date NOT NULL CHECK (valid_until >= valid_from),
  pdf                       bytea NOT NULL,
  pdf_sha256                text NOT NULL,
  signed_content            bytea NOT NULL,
  signature                 bytea NOT NULL,
  algorithm                 text NOT NULL,
  signer_fingerprint        text NOT NULL,
  signer_certificate        bytea NOT NULL,
  status                    text NOT NULL CHECK (status IN ('VALID', 'RELEASED')),
  recorded_at               timestamptz NOT NULL
);
CREATE INDEX letters_security ON guarantee.letters (trade_code, applicant_id);

-- Idempotency keys of the issuers' (and later the banks') API calls: a retry with the same key gets the first answer.
CREATE TABLE guarantee.idempotency_keys (
  client_username   text NOT NULL,
  idempotency_key   text NOT NULL,
  request_sha256    text NOT NULL,
  letter_id         uuid NOT NULL REFERENCES guarantee.letters (id),
  created_at        timestamptz NOT NULL,
  PRIMARY KEY (client_username, idempotency_key)
);

GRANT SELECT, INSERT ON guarantee.requirements, guarantee.issuers, guarantee.idempotency_keys TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON guarantee.applications, guarantee.letters TO ${app_role};
