-- Whether the key custodians may decrypt a bid at opening whose bidder failed to within the decryption window
-- (otherwise such a bid counts as withdrawn). Allowed unless a template revision says otherwise.
ALTER TABLE catalog.procedure_templates ADD COLUMN backup_decryption boolean NOT NULL DEFAULT true;
