CREATE SCHEMA IF NOT EXISTS portal;
GRANT USAGE ON SCHEMA portal TO ${app_role};

-- Every public record of every region and category, as published and signed by the platform: notices of the
-- tendering module now, listing disclosures and auction results later (record_type says which; parties is a list
-- so that transferors, transferees and bidders fit as well as tenderers and agencies). The portal's search index
-- is rebuilt from this table. received_at is the inserting transaction's start: the open-data feed pages by it.
CREATE TABLE portal.records (
  id                uuid PRIMARY KEY,
  record_type       text NOT NULL,
  source            text NOT NULL,
  trade_code        text NOT NULL,
  project_name      text NOT NULL,
  section_name      text NOT NULL,
  region_code       text NOT NULL,
  category_code     text NOT NULL,
  title             text NOT NULL,
  body              text NOT NULL,
  estimated_price   numeric(20,2),
  amount            numeric(20,2),
  parties           jsonb NOT NULL DEFAULT '[]',
  bid_deadline      timestamptz,
  signed_content    text NOT NULL,
  signature         text NOT NULL,
  published_at      timestamptz NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX records_feed ON portal.records (received_at, id);
CREATE INDEX records_published ON portal.records (published_at DESC);
CREATE INDEX records_trade_code ON portal.records (trade_code, published_at);
-- Published records are public: everyone reads every region's (the portal is city-wide and needs no sign-in);
-- only the platform's own work, in scope, writes them.
ALTER TABLE portal.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal.records FORCE ROW LEVEL SECURITY;
CREATE POLICY public_read ON portal.records FOR SELECT USING (true);
CREATE POLICY region_scope_write ON portal.records FOR INSERT WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON portal.records TO ${app_role};

-- A signed-in account's saved search: the query and filters as typed, an unguessable token for its Atom feed, and
-- an optional address to mail new matches to.
CREATE TABLE portal.saved_searches (
  id            uuid PRIMARY KEY,
  username      text NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  query         text NOT NULL DEFAULT '',
  region_filter text,
  category_filter text,
  record_type   text,
  email         text,
  feed_token    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL
);
CREATE INDEX saved_searches_owner ON portal.saved_searches (username, created_at);
GRANT SELECT, INSERT, DELETE ON portal.saved_searches TO ${app_role};

-- Records that matched a saved search when they were published: the workspace shows the unseen ones, the mail
-- goes once (emailed_at), the Atom feed lists them.
CREATE TABLE portal.saved_search_matches (
  saved_search_id uuid NOT NULL REFERENCES portal.saved_searches (id) ON DELETE CASCADE,
  record_id       uuid NOT NULL REFERENCES portal.records (id),
  matched_at      timestamptz NOT NULL,
  seen            boolean NOT NULL DEFAULT false,
  emailed_at      timestamptz,
  PRIMARY KEY (saved_search_id, record_id)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON portal.saved_search_matches TO ${app_role};
