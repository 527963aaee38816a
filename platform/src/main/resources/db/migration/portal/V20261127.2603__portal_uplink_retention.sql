-- Personal data leaves the uplink once the national platform holds it: a sent row keeps the SHA-256 of the exact body
-- it sent (proof of what was sent) and loses the personal fields of its payload (ID numbers, a member's phone), which
-- are listed by name. Rows sent before this migration keep theirs until a later clean-up.
ALTER TABLE portal.uplink ADD COLUMN sent_sha256 text;
ALTER TABLE portal.uplink ADD COLUMN redacted_fields text[] NOT NULL DEFAULT '{}';
