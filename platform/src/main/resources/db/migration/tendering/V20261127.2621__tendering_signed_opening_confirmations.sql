-- A bidder's confirmation of the opening record is signed: the statement it signed (its own line of the record, as
-- read out), the detached signature, and the certificate it was checked under (bound to the bidder's entity).
ALTER TABLE tendering.opening_bids
  ADD COLUMN confirmation_statement   text,
  ADD COLUMN confirmation_signature   bytea,
  ADD COLUMN confirmation_certificate text,
  ADD COLUMN confirmation_signer      text,
  ADD COLUMN confirmation_fingerprint text,
  ADD COLUMN confirmation_algorithm   text;
