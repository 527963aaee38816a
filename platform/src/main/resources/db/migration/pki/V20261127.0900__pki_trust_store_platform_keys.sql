CREATE SCHEMA IF NOT EXISTS pki;
GRANT USAGE ON SCHEMA pki TO ${app_role};

-- The CAs the platform recognises. City-wide: a certificate is good everywhere on the platform, so no region_code.
CREATE TABLE pki.trusted_certificates (
  fingerprint    text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  der            bytea NOT NULL CHECK (length(der) <= 65536),
  subject        text NOT NULL,
  issuer         text NOT NULL,
  serial         text NOT NULL,
  key_algorithm  text NOT NULL CHECK (key_algorithm IN ('RSA', 'EC', 'SM2')),
  not_before     timestamptz NOT NULL,
  not_after      timestamptz NOT NULL,
  origin         text NOT NULL CHECK (origin IN ('upload', 'demo')),
  added_at       timestamptz NOT NULL,
  added_by       text NOT NULL
);

-- Revocation lists, each checked on upload against the trusted CA that signed it.
CREATE TABLE pki.crls (
  fingerprint         text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  issuer_fingerprint  text NOT NULL REFERENCES pki.trusted_certificates (fingerprint),
  issuer              text NOT NULL,
  der                 bytea NOT NULL CHECK (length(der) <= 65536),
  this_update         timestamptz NOT NULL,
  next_update         timestamptz,
  revoked_count       integer NOT NULL CHECK (revoked_count >= 0),
  added_at            timestamptz NOT NULL,
  added_by            text NOT NULL
);

-- The platform's own keys, AES-256-GCM encrypted under a key derived from a secret kept outside the database.
-- Keys are made once and never replaced in place (rotation will add a name), so the application only inserts.
CREATE TABLE pki.platform_keys (
  name           text PRIMARY KEY CHECK (name ~ '^[a-z0-9-]{1,40}$'),
  key_algorithm  text NOT NULL CHECK (key_algorithm IN ('RSA', 'EC', 'SM2')),
  encrypted_key  bytea NOT NULL,
  certificate    bytea NOT NULL,
  created_at     timestamptz NOT NULL
);

GRANT SELECT, INSERT ON pki.trusted_certificates, pki.crls, pki.platform_keys TO ${app_role};
