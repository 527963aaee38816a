-- Issue 7: Dutch (降价) auctions and one-shot sealed-price rounds (一次报价) beside the English auction.

-- The kind a listing was submitted under (from its template). A Dutch listing's reserve is its floor, below the
-- starting price; its increment is the amount the price steps down by.
ALTER TABLE auction.listings ADD COLUMN auction_kind text NOT NULL DEFAULT 'ENGLISH'
  CHECK (auction_kind IN ('ENGLISH', 'DUTCH', 'SEALED'));
-- The first migration's "reserve_price >= starting_price" check, whatever name PostgreSQL gave it.
DO $$
DECLARE c text;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
           WHERE conrelid = 'auction.listings'::regclass AND contype = 'c'
             AND pg_get_constraintdef(oid) LIKE '%reserve_price >= starting_price%'
  LOOP
    EXECUTE format('ALTER TABLE auction.listings DROP CONSTRAINT %I', c);
  END LOOP;
END $$;
ALTER TABLE auction.listings ADD CONSTRAINT listings_reserve_check CHECK (
  (auction_kind <> 'DUTCH' AND reserve_price >= starting_price)
  OR (auction_kind = 'DUTCH' AND reserve_price <= starting_price));

-- DUTCH: timed_from is the origin of the price schedule (moved by an outage like the end, so the price the platform
-- stood at when it stopped is the price it resumes at); step_seconds the interval; reserve_price the floor; ends_at
-- the end of the floor's interval. SEALED: ends_at closes the window; last_seq stays 0 until the close.
ALTER TABLE auction.auctions
  ADD COLUMN auction_kind text NOT NULL DEFAULT 'ENGLISH' CHECK (auction_kind IN ('ENGLISH', 'DUTCH', 'SEALED')),
  ADD COLUMN step_seconds integer CHECK (step_seconds > 0),
  ADD CONSTRAINT auction_kind_step CHECK (auction_kind <> 'DUTCH' OR step_seconds IS NOT NULL);

-- One sealed price per bidder in a one-shot round, until the close: the price (and the random salt of its
-- commitment) encrypted with AES-256-GCM under a key derived from the platform's key secret (never in the database),
-- so the table alone discloses no price. commitment = SHA-256 of "YIWANG-SEALED-PRICE-V1|listing|number|price|salt",
-- given to the bidder at once and published with the price and the salt at the close. Insert-only.
CREATE TABLE auction.sealed_prices (
  listing_id            uuid NOT NULL REFERENCES auction.auctions (listing_id),
  seq                   bigint NOT NULL CHECK (seq > 0),
  region_code           text NOT NULL,
  bidder_number         text NOT NULL,
  transferee_id         uuid NOT NULL,
  commitment            text NOT NULL CHECK (commitment ~ '^[0-9a-f]{64}$'),
  sealed                bytea NOT NULL,
  submitted_at          timestamptz NOT NULL,
  idempotency_key       text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
  PRIMARY KEY (listing_id, transferee_id),
  UNIQUE (listing_id, seq)
);
ALTER TABLE auction.sealed_prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.sealed_prices FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.sealed_prices
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON auction.sealed_prices TO ${app_role};
