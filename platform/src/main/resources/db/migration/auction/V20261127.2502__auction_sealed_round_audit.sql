-- Issue 7: while a sealed-price round runs, the audit log says nothing about it that could be counted (not one entry
-- per submission, refusal or batch): who submitted is kept here, with the sealed price, and what was refused in the
-- table below; at the close one audit entry lists them all, in the closing transaction.
ALTER TABLE auction.sealed_prices ADD COLUMN submitted_by text;

CREATE TABLE auction.sealed_refusals (
  listing_id    uuid NOT NULL REFERENCES auction.auctions (listing_id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  region_code   text NOT NULL,
  bidder        text NOT NULL,
  reason        text NOT NULL,
  refused_at    timestamptz NOT NULL,
  PRIMARY KEY (listing_id, id)
);
ALTER TABLE auction.sealed_refusals ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.sealed_refusals FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.sealed_refusals
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON auction.sealed_refusals TO ${app_role};
