-- A tender document signed by the tenderer or the agency managing the tender: the detached signature over the file's
-- exact bytes, the certificate it was checked under (trusted, bound to the signing entity), and who signed when.
ALTER TABLE tendering.documents
  ADD COLUMN signature            bytea,
  ADD COLUMN signature_algorithm  text,
  ADD COLUMN signer_certificate   text,
  ADD COLUMN signer_subject       text,
  ADD COLUMN signer_fingerprint   text,
  ADD COLUMN signer_entity_name   text,
  ADD COLUMN signed_by            text,
  ADD COLUMN signed_at            timestamptz;

GRANT UPDATE (signature, signature_algorithm, signer_certificate, signer_subject, signer_fingerprint,
  signer_entity_name, signed_by, signed_at) ON tendering.documents TO ${app_role};
