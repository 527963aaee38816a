-- Certificates bound to entities (CA mutual recognition): one certificate belongs to one entity; an entity may hold
-- certificates of several CAs. A certificate naming the entity's credit code binds at once; one naming no code
-- waits for staff. The certificate itself is kept so that a signature can be checked against what was bound.
CREATE TABLE registry.certificate_bindings (
  fingerprint    text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  entity_id      uuid NOT NULL REFERENCES registry.entities (id),
  subject        text NOT NULL,
  issuer         text NOT NULL,
  serial         text NOT NULL,
  key_algorithm  text NOT NULL,
  not_after      timestamptz NOT NULL,
  credit_code    text,
  certificate    text NOT NULL,
  basis          text NOT NULL CHECK (basis IN ('CREDIT_CODE', 'STAFF_APPROVED')),
  status         text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'REFUSED')),
  requested_by   text NOT NULL,
  requested_at   timestamptz NOT NULL,
  decided_by     text,
  decided_at     timestamptz,
  reason         text
);
CREATE INDEX certificate_bindings_entity ON registry.certificate_bindings (entity_id, status);

GRANT SELECT, INSERT, UPDATE ON registry.certificate_bindings TO ${app_role};
