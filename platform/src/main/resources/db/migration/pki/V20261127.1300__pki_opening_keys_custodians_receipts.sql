-- Key custodians: accounts holding an encryption certificate to which shares of sections' opening keys are
-- encrypted. City-wide (custody is the center's), so no region_code. A custodian is withdrawn, never deleted: the
-- shares already encrypted to the certificate stay readable by its holder.
CREATE TABLE pki.custodians (
  username                 text PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 100),
  certificate              bytea NOT NULL CHECK (length(certificate) <= 65536),
  certificate_fingerprint  text NOT NULL CHECK (certificate_fingerprint ~ '^[0-9a-f]{64}$'),
  subject                  text NOT NULL,
  origin                   text NOT NULL CHECK (origin IN ('upload', 'demo')),
  added_at                 timestamptz NOT NULL,
  added_by                 text NOT NULL,
  withdrawn_at             timestamptz,
  withdrawn_by             text
);
GRANT SELECT, INSERT ON pki.custodians TO ${app_role};
GRANT UPDATE (certificate, certificate_fingerprint, subject, origin, added_at, added_by, withdrawn_at, withdrawn_by)
  ON pki.custodians TO ${app_role};

-- Opening keys of sections: the public key only. The private key was split k-of-n (Shamir over GF(256)) when it
-- was made, each share encrypted to one custodian's certificate, and then forgotten.
CREATE TABLE pki.opening_keys (
  id           uuid PRIMARY KEY,
  label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  public_key   bytea NOT NULL CHECK (length(public_key) <= 4096),
  key_id       text NOT NULL UNIQUE CHECK (key_id ~ '^[0-9a-f]{64}$'),
  threshold    integer NOT NULL CHECK (threshold >= 1),
  share_count  integer NOT NULL CHECK (share_count >= threshold AND share_count <= 255),
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL
);

CREATE TABLE pki.opening_key_shares (
  opening_key_id           uuid NOT NULL REFERENCES pki.opening_keys (id),
  share_index              integer NOT NULL CHECK (share_index BETWEEN 1 AND 255),
  custodian                text NOT NULL,
  certificate_fingerprint  text NOT NULL CHECK (certificate_fingerprint ~ '^[0-9a-f]{64}$'),
  encrypted_share          bytea NOT NULL CHECK (length(encrypted_share) <= 4096),
  PRIMARY KEY (opening_key_id, share_index),
  UNIQUE (opening_key_id, custodian)
);
GRANT SELECT, INSERT ON pki.opening_keys, pki.opening_key_shares TO ${app_role};

-- Signed tree heads of receipt batches (RFC 6962 trees, one per batch), stored before any receipt of the batch is
-- returned. Insert-only.
CREATE SEQUENCE pki.receipt_batches;
CREATE TABLE pki.receipt_tree_heads (
  batch            bigint PRIMARY KEY,
  tree_size        integer NOT NULL CHECK (tree_size >= 1),
  root             bytea NOT NULL CHECK (length(root) = 32),
  signed_at        timestamptz NOT NULL,
  tree_head        bytea NOT NULL CHECK (length(tree_head) <= 4096),
  signature        bytea NOT NULL CHECK (length(signature) <= 1024),
  timestamp_token  bytea NOT NULL CHECK (length(timestamp_token) <= 65536)
);
GRANT SELECT, INSERT ON pki.receipt_tree_heads TO ${app_role};
GRANT USAGE ON SEQUENCE pki.receipt_batches TO ${app_role};
