-- A section's life continues after the bid deadline: opening (or failure), evaluation, publicity, award, contract.
ALTER TABLE tendering.sections DROP CONSTRAINT sections_status_check;
ALTER TABLE tendering.sections ADD CONSTRAINT sections_status_check CHECK (status IN ('SUBMITTED', 'RETURNED',
  'REGISTERED', 'NOTICE_SUBMITTED', 'NOTICE_RETURNED', 'PUBLISHED', 'OPENING', 'FAILED', 'OPENED', 'PUBLICIZING',
  'AWARDED', 'CONTRACTED'));

-- A failed section is re-tendered as a new round of the same section (its trade code stays; the round counts).
ALTER TABLE tendering.sections ADD COLUMN round int NOT NULL DEFAULT 1 CHECK (round >= 1);
