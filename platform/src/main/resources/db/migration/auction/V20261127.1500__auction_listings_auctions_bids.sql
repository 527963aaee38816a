CREATE SCHEMA IF NOT EXISTS auction;
GRANT USAGE ON SCHEMA auction TO ${app_role};

-- Listings (挂牌) of property, land and mining rights: submitted by the transferor (or its agency), reviewed and
-- published by the district's staff, platform-signed. The listing price is the starting price.
CREATE TABLE auction.listings (
  id                    uuid PRIMARY KEY,
  trade_code            text NOT NULL UNIQUE CHECK (trade_code ~ '^[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]$'),
  region_code           text NOT NULL,
  category_code         text NOT NULL,
  template_version      int NOT NULL,
  judicial              boolean NOT NULL,
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description           text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  conditions            text NOT NULL CHECK (length(conditions) <= 2000),
  transferor_id         uuid NOT NULL,
  transferor_name       text NOT NULL,
  submitted_by          text NOT NULL,
  starting_price        numeric(20,2) NOT NULL CHECK (starting_price > 0),
  reserve_price         numeric(20,2) NOT NULL CHECK (reserve_price >= starting_price),
  increment             numeric(20,2) NOT NULL CHECK (increment > 0),
  security_amount       numeric(20,2) NOT NULL CHECK (security_amount > 0),
  listing_days          int NOT NULL CHECK (listing_days BETWEEN 1 AND 365),
  working_days          boolean NOT NULL,
  auto_extend           boolean NOT NULL,
  extensions            int NOT NULL DEFAULT 0,
  countdown_seconds     int NOT NULL CHECK (countdown_seconds > 0),
  status                text NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'PUBLISHED', 'AGREEMENT', 'AUCTION', 'SOLD', 'FAILED')),
  return_reason         text,
  published_at          timestamptz,
  period_end            timestamptz,
  signed_text           text,
  platform_signature    text,
  reviewed_by           text,
  buyer_id              uuid,
  buyer_name            text,
  final_price           numeric(20,2),
  submitted_at          timestamptz NOT NULL,
  version               bigint NOT NULL DEFAULT 0
);
CREATE INDEX listings_status ON auction.listings (status, period_end);
ALTER TABLE auction.listings ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.listings FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.listings
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON auction.listings TO ${app_role};

-- Intending transferees (意向受让方) registered during the listing period; staff qualify them once they hold the
-- security. A qualified transferee gets an anonymous bidder number (竞买号), unique within its listing.
CREATE TABLE auction.registrations (
  id                    uuid PRIMARY KEY,
  listing_id            uuid NOT NULL REFERENCES auction.listings (id),
  region_code           text NOT NULL,
  transferee_id         uuid NOT NULL,
  transferee_name       text NOT NULL,
  registered_by         text NOT NULL,
  registered_at         timestamptz NOT NULL,
  status                text NOT NULL CHECK (status IN ('PENDING', 'QUALIFIED', 'REFUSED')),
  bidder_number         text,
  security_reference    text,
  decided_by            text,
  decided_at            timestamptz,
  refusal_reason        text,
  UNIQUE (listing_id, transferee_id),
  UNIQUE (listing_id, bidder_number)
);
ALTER TABLE auction.registrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.registrations FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.registrations
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON auction.registrations TO ${app_role};

-- One online auction per listing that ended with two or more qualified transferees. ends_at is the running
-- deadline: every valid bid in the timed period moves it to that bid's time plus the countdown.
CREATE TABLE auction.auctions (
  listing_id            uuid PRIMARY KEY REFERENCES auction.listings (id),
  region_code           text NOT NULL,
  trade_code            text NOT NULL,
  starts_at             timestamptz NOT NULL,
  timed_from            timestamptz NOT NULL,
  ends_at               timestamptz NOT NULL,
  countdown_seconds     int NOT NULL CHECK (countdown_seconds > 0),
  starting_price        numeric(20,2) NOT NULL,
  reserve_price         numeric(20,2) NOT NULL,
  increment             numeric(20,2) NOT NULL,
  current_price         numeric(20,2),
  leader_number         text,
  last_seq              bigint NOT NULL DEFAULT 0,
  status                text NOT NULL CHECK (status IN ('RUNNING', 'SOLD', 'FAILED')),
  closed_at             timestamptz,
  record_text           text,
  record_signature      text
);
ALTER TABLE auction.auctions ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.auctions FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.auctions
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON auction.auctions TO ${app_role};

-- Every accepted bid, in the auction's one total order (seq), committed before it is acknowledged. Insert-only.
-- The idempotency key makes a retried request return the first answer instead of bidding twice.
CREATE TABLE auction.bids (
  listing_id            uuid NOT NULL REFERENCES auction.auctions (listing_id),
  seq                   bigint NOT NULL CHECK (seq > 0),
  region_code           text NOT NULL,
  bidder_number         text NOT NULL,
  transferee_id         uuid NOT NULL,
  amount                numeric(20,2) NOT NULL CHECK (amount > 0),
  placed_at             timestamptz NOT NULL,
  ends_at_after         timestamptz NOT NULL,
  idempotency_key       text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
  PRIMARY KEY (listing_id, seq),
  UNIQUE (listing_id, transferee_id, idempotency_key)
);
ALTER TABLE auction.bids ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.bids FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.bids
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON auction.bids TO ${app_role};

-- Each time the platform was down while an auction ran, its deadline moved by the outage (rule: no bidder loses
-- time). Insert-only.
CREATE TABLE auction.extensions (
  listing_id            uuid NOT NULL REFERENCES auction.auctions (listing_id),
  region_code           text NOT NULL,
  last_alive            timestamptz NOT NULL,
  resumed_at            timestamptz NOT NULL,
  old_ends_at           timestamptz NOT NULL,
  new_ends_at           timestamptz NOT NULL,
  PRIMARY KEY (listing_id, resumed_at)
);
ALTER TABLE auction.extensions ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.extensions FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.extensions
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON auction.extensions TO ${app_role};

-- The node's heartbeat while it serves auctions: at restart, now minus the last beat is the outage.
CREATE TABLE auction.heartbeat (
  id                    int PRIMARY KEY CHECK (id = 1),
  alive_at              timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON auction.heartbeat TO ${app_role};
