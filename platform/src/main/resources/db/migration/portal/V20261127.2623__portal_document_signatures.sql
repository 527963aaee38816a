-- Tender documents' signatures as the tendering module announced them (DocumentSigned, issue 17 item 16): the portal
-- keeps its own copy, so anyone can check a published section's documents without an account. Public data only: the
-- signer's certificate and the detached signature, never the documents.
CREATE TABLE portal.document_signatures (
  document_id         uuid PRIMARY KEY,
  section_id          uuid NOT NULL,
  trade_code          text NOT NULL,
  region_code         text NOT NULL,
  file_name           text NOT NULL,
  sha256              text NOT NULL,
  sm3                 text NOT NULL,
  signature_algorithm text NOT NULL,
  signature           bytea NOT NULL,
  signer_certificate  text NOT NULL,
  signer_subject      text NOT NULL,
  signer_fingerprint  text NOT NULL,
  signer_entity_name  text NOT NULL,
  signed_at           timestamptz NOT NULL,
  received_at         timestamptz NOT NULL
);
CREATE INDEX document_signatures_trade_code ON portal.document_signatures (trade_code);

ALTER TABLE portal.document_signatures ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal.document_signatures FORCE ROW LEVEL SECURITY;
CREATE POLICY public_read ON portal.document_signatures FOR SELECT USING (true);
CREATE POLICY region_scope_write ON portal.document_signatures FOR INSERT WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON portal.document_signatures TO ${app_role};
