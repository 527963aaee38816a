-- Demo CAs are withdrawn from the trust store when a deployment turns demo data off, and come back if it is turned
-- on again: the row (and its audit trail) stays, only this column changes, so the application may update it alone.
ALTER TABLE pki.trusted_certificates ADD COLUMN withdrawn_at timestamptz;
GRANT UPDATE (withdrawn_at) ON pki.trusted_certificates TO ${app_role};
