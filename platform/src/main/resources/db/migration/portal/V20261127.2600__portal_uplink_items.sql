-- A public record may carry further national datasets beyond its own (the tender notice also the project 500, the
-- tender project 501 and the section 502; the opening record the bidder list 507; the candidates' publicity the
-- experts 508 and candidates 510), some of them one row per bidder, expert or candidate. Each such export is an
-- item: its key names what it describes (a tender project, a section's round, a bidder of a round…), so the same
-- thing exported from a later record (a second section of the same tender project) is kept once. The record's own
-- dataset keeps the empty item.
ALTER TABLE portal.uplink ADD COLUMN item text NOT NULL DEFAULT '';
ALTER TABLE portal.uplink DROP CONSTRAINT uplink_pkey;
ALTER TABLE portal.uplink ADD PRIMARY KEY (record_id, dataset, item);
CREATE UNIQUE INDEX uplink_item ON portal.uplink (dataset, item) WHERE item <> '';
