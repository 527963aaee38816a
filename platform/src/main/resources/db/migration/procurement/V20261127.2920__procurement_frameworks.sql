-- Framework agreements (框架协议采购, 政府采购框架协议采购方式管理暂行办法, 财政部令第110号), closed form: a purchaser (or
-- agency as 征集人) registers the framework with its maximum unit price, the first-stage method (price first or
-- quality first), the second-stage rule and the agreement's term; the district's staff publish the 征集公告
-- (platform-signed); suppliers respond with a sealed unit price; after the deadline the team selects the entrants
-- (at least one in five eliminated, at least one) and the entry list is published. In the second stage purchasers
-- order from the entrants: chosen directly, by a re-competition among them (二次竞价) or in rotation (顺序轮候).
CREATE TABLE procurement.frameworks (
  id                    uuid PRIMARY KEY,
  trade_code            text NOT NULL UNIQUE CHECK (trade_code ~ '^[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]$'),
  region_code           text NOT NULL,
  category_code         text NOT NULL,
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  requirements          text NOT NULL CHECK (length(requirements) BETWEEN 1 AND 5000),
  unit                  text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  max_unit_price        numeric(20,2) NOT NULL CHECK (max_unit_price > 0),
  evaluation            text NOT NULL CHECK (evaluation IN ('PRICE_FIRST', 'QUALITY_FIRST')),
  second_stage          text NOT NULL CHECK (second_stage IN ('DIRECT_SELECTION', 'RE_COMPETITION', 'ROTATION')),
  entry_cap             int CHECK (entry_cap BETWEEN 1 AND 100),
  term_months           int NOT NULL CHECK (term_months BETWEEN 1 AND 24),
  response_days         int NOT NULL CHECK (response_days BETWEEN 1 AND 60),
  purchaser_id          uuid NOT NULL,
  purchaser_name        text NOT NULL,
  purchaser_credit_code text,
  submitted_by          text NOT NULL,
  submitted_at          timestamptz NOT NULL,
  status                text NOT NULL CHECK (status IN ('SUBMITTED', 'PUBLISHED', 'IN_FORCE', 'FAILED')),
  published_at          timestamptz,
  response_deadline     timestamptz,
  notice_text           text,
  notice_signature      text,
  entry_text            text,
  entry_signature       text,
  selected_at           timestamptz,
  valid_until           timestamptz,
  failure_reason        text,
  version               bigint NOT NULL DEFAULT 0
);
CREATE INDEX frameworks_region_status ON procurement.frameworks (region_code, status);
ALTER TABLE procurement.frameworks ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.frameworks FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.frameworks
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.frameworks TO ${app_role};

-- Suppliers who responded to a framework's call: the unit price sealed until selection, then opened beside it, the
-- quality score where the method scores quality, the rank and whether the supplier entered the agreement.
CREATE TABLE procurement.framework_suppliers (
  framework_id          uuid NOT NULL REFERENCES procurement.frameworks (id),
  supplier_id           uuid NOT NULL,
  region_code           text NOT NULL,
  supplier_name         text NOT NULL,
  credit_code           text,
  response_text         text NOT NULL CHECK (length(response_text) BETWEEN 1 AND 5000),
  price_sealed          bytea NOT NULL,
  responded_at          timestamptz NOT NULL,
  responded_by          text NOT NULL,
  unit_price            numeric(20,2),
  quality_score         numeric(5,2),
  rank                  int,
  entered               boolean NOT NULL DEFAULT false,
  PRIMARY KEY (framework_id, supplier_id)
);
ALTER TABLE procurement.framework_suppliers ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.framework_suppliers FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.framework_suppliers
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.framework_suppliers TO ${app_role};

-- Second-stage orders under a framework in force: placed at once (direct selection, rotation) or after a
-- re-competition among the entrants whose sealed unit prices open at its deadline.
CREATE TABLE procurement.framework_orders (
  id                    uuid PRIMARY KEY,
  framework_id          uuid NOT NULL REFERENCES procurement.frameworks (id),
  region_code           text NOT NULL,
  buyer_id              uuid NOT NULL,
  buyer_name            text NOT NULL,
  buyer_credit_code     text,
  quantity              int NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  reason                text,
  status                text NOT NULL CHECK (status IN ('COMPETING', 'PLACED', 'FAILED')),
  offer_deadline        timestamptz,
  supplier_id           uuid,
  supplier_name         text,
  supplier_credit_code  text,
  unit_price            numeric(20,2),
  amount                numeric(20,2),
  order_text            text,
  order_signature       text,
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL,
  placed_at             timestamptz
);
CREATE INDEX framework_orders_framework ON procurement.framework_orders (framework_id);
ALTER TABLE procurement.framework_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.framework_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.framework_orders
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.framework_orders TO ${app_role};

-- An entrant's sealed unit price in a re-competition (二次竞价), replaceable until the deadline.
CREATE TABLE procurement.framework_offers (
  order_id              uuid NOT NULL REFERENCES procurement.framework_orders (id),
  supplier_id           uuid NOT NULL,
  region_code           text NOT NULL,
  price_sealed          bytea NOT NULL,
  offered_at            timestamptz NOT NULL,
  PRIMARY KEY (order_id, supplier_id)
);
ALTER TABLE procurement.framework_offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.framework_offers FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.framework_offers
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.framework_offers TO ${app_role};
