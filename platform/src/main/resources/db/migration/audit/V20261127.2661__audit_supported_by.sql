-- Issue 17, item 8: an act under support access records both identities: the account acted for (actor) and the
-- staff member who acted (supported_by). The entry's hash covers it when present (older entries hash as before).
ALTER TABLE audit.entries ADD COLUMN supported_by text;
