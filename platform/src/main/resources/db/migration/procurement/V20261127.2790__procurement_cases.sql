CREATE SCHEMA IF NOT EXISTS procurement;
GRANT USAGE ON SCHEMA procurement TO ${app_role};

-- Government procurement by the non-tender methods (政府采购法 第二十六条): competitive negotiation, competitive
-- consultation, request for quotations and single source. A purchaser registers a case with its invited suppliers
-- (or its one supplier), the district's staff publish its notice (platform-signed), the suppliers respond, and the
-- case ends with a published result (成交结果) or fails. Prices stay sealed (AES-GCM, key outside the database)
-- until the deadline that opens them.
CREATE TABLE procurement.cases (
  id                    uuid PRIMARY KEY,
  trade_code            text NOT NULL UNIQUE CHECK (trade_code ~ '^[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]$'),
  region_code           text NOT NULL,
  category_code         text NOT NULL,
  template_version      int NOT NULL,
  method                text NOT NULL CHECK (method IN ('COMPETITIVE_NEGOTIATION', 'COMPETITIVE_CONSULTATION',
                          'REQUEST_FOR_QUOTATIONS', 'SINGLE_SOURCE')),
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  requirements          text NOT NULL CHECK (length(requirements) BETWEEN 1 AND 5000),
  budget                numeric(20,2) NOT NULL CHECK (budget > 0),
  single_source_reason  text,
  response_days         int NOT NULL CHECK (response_days BETWEEN 1 AND 60),
  purchaser_id          uuid NOT NULL,
  purchaser_name        text NOT NULL,
  purchaser_credit_code text,
  submitted_by          text NOT NULL,
  submitted_at          timestamptz NOT NULL,
  status                text NOT NULL CHECK (status IN ('SUBMITTED', 'PUBLISHED', 'NEGOTIATING', 'FINAL_OFFERS',
                          'CONCLUDED', 'FAILED')),
  published_at          timestamptz,
  response_deadline     timestamptz,
  final_offer_deadline  timestamptz,
  rounds                int NOT NULL DEFAULT 0,
  notice_text           text,
  notice_signature      text,
  result_text           text,
  result_signature      text,
  winner_id             uuid,
  winner_name           text,
  winner_price          numeric(20,2),
  failure_reason        text,
  concluded_at          timestamptz,
  version               bigint NOT NULL DEFAULT 0
);
CREATE INDEX cases_region_status ON procurement.cases (region_code, status);
ALTER TABLE procurement.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.cases FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.cases
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.cases TO ${app_role};

-- The suppliers a case invited (at least three, or the one single source), their response and their offers:
-- the first offer and the final offer (最后报价) sealed until opened, then the opened amount beside them.
CREATE TABLE procurement.suppliers (
  case_id               uuid NOT NULL REFERENCES procurement.cases (id),
  supplier_id           uuid NOT NULL,
  region_code           text NOT NULL,
  supplier_name         text NOT NULL,
  credit_code           text,
  response_text         text,
  responded_at          timestamptz,
  responded_by          text,
  first_offer_sealed    bytea,
  first_offer           numeric(20,2),
  final_offer_sealed    bytea,
  final_offer_at        timestamptz,
  final_offer           numeric(20,2),
  technical_score       numeric(5,2),
  PRIMARY KEY (case_id, supplier_id)
);
ALTER TABLE procurement.suppliers ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.suppliers FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.suppliers
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.suppliers TO ${app_role};

-- Negotiation rounds (政府采购法 第三十八条第四项): the team negotiates with each supplier separately; what it says to
-- one supplier is recorded against that supplier only. Insert-only.
CREATE TABLE procurement.rounds (
  case_id               uuid NOT NULL REFERENCES procurement.cases (id),
  round                 int NOT NULL CHECK (round >= 1),
  supplier_id           uuid NOT NULL,
  region_code           text NOT NULL,
  note                  text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  recorded_by           text NOT NULL,
  recorded_at           timestamptz NOT NULL,
  PRIMARY KEY (case_id, round, supplier_id)
);
ALTER TABLE procurement.rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.rounds FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.rounds
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON procurement.rounds TO ${app_role};

-- Objections to a single-source notice during its publicity (政府采购法实施条例 第三十八条), answered by staff: an
-- upheld objection ends the single-source case (the purchaser must use another method).
CREATE TABLE procurement.objections (
  id                    uuid PRIMARY KEY,
  case_id               uuid NOT NULL REFERENCES procurement.cases (id),
  region_code           text NOT NULL,
  objector_name         text NOT NULL,
  raised_by             text NOT NULL,
  text                  text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  raised_at             timestamptz NOT NULL,
  status                text NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
  answer                text,
  answered_by           text,
  answered_at           timestamptz
);
ALTER TABLE procurement.objections ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.objections FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.objections
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.objections TO ${app_role};
