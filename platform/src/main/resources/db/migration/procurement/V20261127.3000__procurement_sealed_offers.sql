-- Offers sealed by the supplier itself (issue 23): the quotes of a request for quotations and the final offers of a
-- negotiation or consultation are sealed with the bid tool to the case's opening key, whose private key is split
-- among the key custodians (pki.opening_keys), so the running platform cannot read them before the custodians open
-- them after the deadline. The platform keeps the signed envelope, its hashes and the receipt it issued; the amount
-- and any refusal (tampered, not decryptable, another supplier's sheet) are written when the envelope is opened.
ALTER TABLE procurement.cases ADD COLUMN opening_key uuid;

CREATE TABLE procurement.sealed_offers (
  case_id               uuid NOT NULL REFERENCES procurement.cases (id),
  supplier_id           uuid NOT NULL,
  stage                 text NOT NULL CHECK (stage IN ('first', 'final')),
  region_code           text NOT NULL,
  envelope              bytea NOT NULL,
  sha256                text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  sm3                   text NOT NULL,
  size                  bigint NOT NULL CHECK (size > 0),
  signer_fingerprint    text NOT NULL,
  received_at           timestamptz NOT NULL,
  received_by           text NOT NULL,
  receipt               bytea,
  opened_at             timestamptz,
  amount                numeric(20,2),
  refusal               text,
  PRIMARY KEY (case_id, supplier_id, stage),
  FOREIGN KEY (case_id, supplier_id) REFERENCES procurement.suppliers (case_id, supplier_id),
  CHECK (amount IS NULL OR refusal IS NULL)
);
ALTER TABLE procurement.sealed_offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.sealed_offers FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.sealed_offers
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.sealed_offers TO ${app_role};
