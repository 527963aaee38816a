CREATE SCHEMA IF NOT EXISTS purchasing;
GRANT USAGE ON SCHEMA purchasing TO ${app_role};

-- The product catalogue of the catalogue-purchasing categories (medical consumables, drugs, building materials). One
-- catalogue for the whole city: city-wide data, no region. The manufacturer is a registry entity, referenced by id.
-- approved_price is the listing price (挂网价) now in force: set when staff approve a declaration.
CREATE TABLE purchasing.products (
  id                    uuid PRIMARY KEY,
  category_code         text NOT NULL,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  registration_number   text CHECK (length(registration_number) <= 60),
  specification         text NOT NULL CHECK (length(specification) BETWEEN 1 AND 200),
  insurance_code        text CHECK (length(insurance_code) <= 40),
  manufacturer_id       uuid NOT NULL,
  manufacturer_name     text NOT NULL,
  added_by              text NOT NULL,
  added_at              timestamptz NOT NULL,
  approved_price        numeric(20,2) CHECK (approved_price > 0),
  approved_at           timestamptz,
  UNIQUE (manufacturer_id, category_code, name, specification)
);
GRANT SELECT, INSERT, UPDATE ON purchasing.products TO ${app_role};

-- A manufacturer's declared listing price with its evidence file (content-addressed on disk), the platform's
-- comparison with the lowest other-province reference price at declaration, and staff's decision.
CREATE TABLE purchasing.listing_prices (
  id                    uuid PRIMARY KEY,
  product_id            uuid NOT NULL REFERENCES purchasing.products (id),
  price                 numeric(20,2) NOT NULL CHECK (price > 0),
  evidence_name         text NOT NULL,
  evidence_sha256       text NOT NULL CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
  evidence_sm3          text NOT NULL CHECK (evidence_sm3 ~ '^[0-9a-f]{64}$'),
  evidence_size         bigint NOT NULL CHECK (evidence_size > 0),
  flag                  text NOT NULL CHECK (flag IN ('WITHIN', 'ABOVE_LOWEST', 'NO_REFERENCE')),
  reference_price       numeric(20,2),
  reference_province    text,
  status                text NOT NULL CHECK (status IN ('DECLARED', 'APPROVED', 'REFUSED', 'SUPERSEDED')),
  declared_by           text NOT NULL,
  declared_at           timestamptz NOT NULL,
  decided_by            text,
  decided_at            timestamptz,
  reason                text,
  version               bigint NOT NULL DEFAULT 0
);
CREATE INDEX listing_prices_product ON purchasing.listing_prices (product_id, declared_at);
CREATE INDEX listing_prices_status ON purchasing.listing_prices (status);
GRANT SELECT, INSERT, UPDATE ON purchasing.listing_prices TO ${app_role};

-- Lowest prices in other provinces, supplied as data (CSV imports by staff); insert-only, every row keeps its batch.
CREATE TABLE purchasing.reference_prices (
  id                    bigserial PRIMARY KEY,
  batch_id              uuid NOT NULL,
  registration_number   text NOT NULL,
  specification         text NOT NULL,
  province              text NOT NULL,
  price                 numeric(20,2) NOT NULL CHECK (price > 0),
  effective_on          date NOT NULL,
  imported_by           text NOT NULL,
  imported_at           timestamptz NOT NULL
);
CREATE INDEX reference_prices_key ON purchasing.reference_prices (registration_number, specification);
GRANT SELECT, INSERT ON purchasing.reference_prices TO ${app_role};
GRANT USAGE ON SEQUENCE purchasing.reference_prices_id_seq TO ${app_role};

-- Volume-based procurement rounds (带量采购), organised by the staff of a region (the city's or a district's).
CREATE TABLE purchasing.rounds (
  id                    uuid PRIMARY KEY,
  region_code           text NOT NULL,
  category_code         text NOT NULL,
  template_version      int NOT NULL,
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  product_scope         text NOT NULL CHECK (length(product_scope) BETWEEN 1 AND 500),
  ceiling_price         numeric(20,2) NOT NULL CHECK (ceiling_price > 0),
  max_winners           int NOT NULL CHECK (max_winners BETWEEN 1 AND 20),
  min_bids              int NOT NULL CHECK (min_bids >= 1),
  report_deadline       timestamptz NOT NULL,
  bid_deadline          timestamptz NOT NULL CHECK (bid_deadline > report_deadline),
  status                text NOT NULL CHECK (status IN ('OPEN', 'DECIDED', 'FAILED')),
  total_quantity        bigint,
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL,
  decided_by            text,
  decided_at            timestamptz,
  version               bigint NOT NULL DEFAULT 0
);
ALTER TABLE purchasing.rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchasing.rounds FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON purchasing.rounds
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON purchasing.rounds TO ${app_role};

-- Quantities hospitals commit to buy in a round; one row per hospital, restated until the report deadline.
CREATE TABLE purchasing.round_quantities (
  round_id              uuid NOT NULL REFERENCES purchasing.rounds (id),
  region_code           text NOT NULL,
  hospital_id           uuid NOT NULL,
  hospital_name         text NOT NULL,
  quantity              bigint NOT NULL CHECK (quantity > 0),
  reported_by           text NOT NULL,
  reported_at           timestamptz NOT NULL,
  PRIMARY KEY (round_id, hospital_id)
);
ALTER TABLE purchasing.round_quantities ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchasing.round_quantities FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON purchasing.round_quantities
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON purchasing.round_quantities TO ${app_role};

-- Suppliers' bids: the unit price is sealed (AES-256-GCM under a key derived from the platform's key secret, which
-- is not in the database, bound to the row) until the deadline; price, rank and volume are filled at the decision.
CREATE TABLE purchasing.round_bids (
  id                    uuid PRIMARY KEY,
  round_id              uuid NOT NULL REFERENCES purchasing.rounds (id),
  region_code           text NOT NULL,
  supplier_id           uuid NOT NULL,
  supplier_name         text NOT NULL,
  product_id            uuid NOT NULL REFERENCES purchasing.products (id),
  sealed_price          bytea NOT NULL,
  submitted_by          text NOT NULL,
  submitted_at          timestamptz NOT NULL,
  price                 numeric(20,2),
  valid                 boolean,
  rank                  int,
  winner                boolean,
  volume                bigint,
  UNIQUE (round_id, supplier_id)
);
ALTER TABLE purchasing.round_bids ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchasing.round_bids FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON purchasing.round_bids
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON purchasing.round_bids TO ${app_role};

-- Hospitals' orders from the catalogue, in the hospital's region: placed, delivered by the distributor, received by
-- the hospital, settled. unit_price is at most the listing price in force when ordered (hospitals may negotiate down).
CREATE TABLE purchasing.orders (
  id                    uuid PRIMARY KEY,
  region_code           text NOT NULL,
  product_id            uuid NOT NULL REFERENCES purchasing.products (id),
  product_name          text NOT NULL,
  category_code         text NOT NULL,
  hospital_id           uuid NOT NULL,
  hospital_name         text NOT NULL,
  distributor_id        uuid NOT NULL,
  distributor_name      text NOT NULL,
  listing_price         numeric(20,2) NOT NULL CHECK (listing_price > 0),
  unit_price            numeric(20,2) NOT NULL CHECK (unit_price > 0 AND unit_price <= listing_price),
  quantity              bigint NOT NULL CHECK (quantity > 0),
  amount                numeric(20,2) NOT NULL CHECK (amount > 0),
  status                text NOT NULL CHECK (status IN ('PLACED', 'DELIVERED', 'RECEIVED', 'SETTLED')),
  placed_by             text NOT NULL,
  placed_at             timestamptz NOT NULL,
  delivery_note         text,
  delivered_by          text,
  delivered_at          timestamptz,
  received_by           text,
  received_at           timestamptz,
  settlement_reference  text,
  settled_amount        numeric(20,2) CHECK (settled_amount = amount),
  settled_by            text,
  settled_at            timestamptz,
  version               bigint NOT NULL DEFAULT 0
);
CREATE INDEX orders_product ON purchasing.orders (product_id, placed_at);
ALTER TABLE purchasing.orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchasing.orders FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON purchasing.orders
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON purchasing.orders TO ${app_role};
