CREATE SCHEMA IF NOT EXISTS intermediary;
GRANT USAGE ON SCHEMA intermediary TO ${app_role};

-- The maintained catalogue of service types (中介服务事项): the registry qualification each type requires, and the
-- fee ceiling above which a request must go to a tender instead (必须招标的工程项目规定 第五条: survey, design and
-- supervision services of 100万元 or more; other services at the government procurement threshold). City-wide data.
CREATE TABLE intermediary.service_types (
  code                  text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
  name_zh               text NOT NULL,
  name_en               text NOT NULL,
  qualification         text NOT NULL,
  tender_threshold      numeric(20,2) NOT NULL CHECK (tender_threshold > 0),
  position              int NOT NULL,
  revised_by            text,
  revised_at            timestamptz
);
GRANT SELECT, UPDATE ON intermediary.service_types TO ${app_role};
INSERT INTO intermediary.service_types (code, name_zh, name_en, qualification, tender_threshold, position) VALUES
  ('COST_CONSULTING', '工程造价咨询', 'Cost consulting', '工程造价咨询', 1000000.00, 1),
  ('TENDER_AGENCY', '招标代理', 'Tender agency', '招标代理', 2000000.00, 2),
  ('SURVEYING', '工程勘察测绘', 'Surveying', '工程勘察', 1000000.00, 3),
  ('ENVIRONMENTAL_SAFETY', '环境影响与安全评价', 'Environmental and safety assessment', '环境影响评价', 2000000.00, 4),
  ('DESIGN', '工程设计', 'Design', '工程设计', 1000000.00, 5),
  ('SUPERVISION', '工程监理', 'Supervision', '工程监理', 1000000.00, 6),
  ('AUDIT', '审计', 'Audit', '会计师事务所执业', 2000000.00, 7),
  ('LEGAL', '法律服务', 'Legal services', '律师事务所执业', 2000000.00, 8),
  ('APPRAISAL', '资产评估', 'Appraisal', '资产评估', 2000000.00, 9);

-- An intermediary's place in the marketplace (城市通用, no region): the service types it offers. Its qualifications
-- stay in the registry; a type counts only while a matching qualification is valid.
CREATE TABLE intermediary.providers (
  entity_id             uuid PRIMARY KEY,
  name                  text NOT NULL,
  registered_region     text NOT NULL,
  service_types         text[] NOT NULL,
  joined_at             timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON intermediary.providers TO ${app_role};

-- Its practising staff. The resident ID number is kept only as a SHA-256 (to find one person on two firms' lists:
-- related parties) and masked for display.
CREATE TABLE intermediary.staff (
  id                    uuid PRIMARY KEY,
  entity_id             uuid NOT NULL REFERENCES intermediary.providers (entity_id),
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  masked_id_number      text NOT NULL,
  id_number_sha256      text NOT NULL CHECK (id_number_sha256 ~ '^[0-9a-f]{64}$'),
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
  added_at              timestamptz NOT NULL,
  UNIQUE (entity_id, id_number_sha256)
);
CREATE INDEX staff_person ON intermediary.staff (id_number_sha256);
GRANT SELECT, INSERT ON intermediary.staff TO ${app_role};

CREATE SEQUENCE intermediary.request_numbers;
GRANT USAGE ON SEQUENCE intermediary.request_numbers TO ${app_role};

-- A service request (中介服务需求) of an owner in a district, from publication to rating. A draw's seed is chosen
-- and committed (seed_sha256) when the request is published, before anyone signs up; it is kept sealed
-- (pki.SealedValues) until the draw.
CREATE TABLE intermediary.requests (
  id                    uuid PRIMARY KEY,
  trade_code            text NOT NULL UNIQUE CHECK (trade_code ~ '^[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]$'),
  region_code           text NOT NULL,
  owner_id              uuid NOT NULL,
  owner_name            text NOT NULL,
  published_by          text NOT NULL,
  service_type          text NOT NULL REFERENCES intermediary.service_types (code),
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  scope                 text NOT NULL CHECK (length(scope) BETWEEN 1 AND 5000),
  fee_ceiling           numeric(20,2) NOT NULL CHECK (fee_ceiling > 0),
  required_grade        text,
  deadline              timestamptz NOT NULL,
  method                text NOT NULL CHECK (method IN ('RANDOM_DRAW', 'LOWEST_PRICE', 'PRICE_QUALITY', 'DIRECT')),
  price_weight          int CHECK (price_weight BETWEEN 0 AND 100),
  direct_basis          text,
  direct_reason         text,
  status                text NOT NULL CHECK (status IN ('OPEN', 'SELECTED', 'CONTRACTED', 'DELIVERED', 'ACCEPTED', 'RATED', 'FAILED')),
  seed_sealed           bytea,
  seed_sha256           text,
  seed                  bytea,
  pool                  text,
  pool_sha256           text,
  selected_id           uuid,
  selected_name         text,
  selected_price        numeric(20,2),
  selection_note        text,
  selected_at           timestamptz,
  contract_amount       numeric(20,2),
  contracted_at         timestamptz,
  delivery_note         text,
  delivered_at          timestamptz,
  accepted_at           timestamptz,
  published_at          timestamptz NOT NULL,
  version               bigint NOT NULL DEFAULT 0,
  CHECK ((method = 'DIRECT') = (direct_reason IS NOT NULL)),
  CHECK ((method = 'RANDOM_DRAW') = (seed_sha256 IS NOT NULL))
);
CREATE INDEX requests_owner ON intermediary.requests (owner_id, selected_id, method);
CREATE INDEX requests_selected ON intermediary.requests (selected_id);
ALTER TABLE intermediary.requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE intermediary.requests FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON intermediary.requests
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON intermediary.requests TO ${app_role};

-- Sign-ups of qualified intermediaries, with their quote sealed until the deadline (pki.SealedValues, bound to the
-- sign-up's id); quote_sha256 is the receipt's commitment; quote is filled only when the quotes are opened.
CREATE TABLE intermediary.signups (
  id                    uuid PRIMARY KEY,
  request_id            uuid NOT NULL REFERENCES intermediary.requests (id),
  region_code           text NOT NULL,
  intermediary_id       uuid NOT NULL,
  intermediary_name     text NOT NULL,
  signed_by             text NOT NULL,
  signed_at             timestamptz NOT NULL,
  quote_sealed          bytea,
  quote_sha256          text,
  quote                 numeric(20,2),
  score                 numeric(7,2),
  excluded_reason       text,
  UNIQUE (request_id, intermediary_id)
);
ALTER TABLE intermediary.signups ENABLE ROW LEVEL SECURITY;
ALTER TABLE intermediary.signups FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON intermediary.signups
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON intermediary.signups TO ${app_role};

-- The owner's rating of the delivered service, one per request; the public score is the mean of these.
CREATE TABLE intermediary.ratings (
  request_id            uuid PRIMARY KEY REFERENCES intermediary.requests (id),
  region_code           text NOT NULL,
  intermediary_id       uuid NOT NULL,
  quality               int NOT NULL CHECK (quality BETWEEN 1 AND 5),
  timeliness            int NOT NULL CHECK (timeliness BETWEEN 1 AND 5),
  attitude              int NOT NULL CHECK (attitude BETWEEN 1 AND 5),
  comment               text NOT NULL CHECK (length(comment) BETWEEN 1 AND 1000),
  rated_by              text NOT NULL,
  rated_at              timestamptz NOT NULL
);
CREATE INDEX ratings_intermediary ON intermediary.ratings (intermediary_id);
ALTER TABLE intermediary.ratings ENABLE ROW LEVEL SECURITY;
ALTER TABLE intermediary.ratings FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON intermediary.ratings
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON intermediary.ratings TO ${app_role};
