CREATE SCHEMA IF NOT EXISTS evaluation;
GRANT USAGE ON SCHEMA evaluation TO ${app_role};

-- Scoring tables (评分表) as data: per trading category ('*' = every category without its own) and method, versioned;
-- a new version is a new row, never an update. City-wide reference data (no region).
CREATE TABLE evaluation.scoring_tables (
  category_code            text NOT NULL,
  method                   text NOT NULL CHECK (method IN ('WEIGHTED_SCORING', 'LOWEST_EVALUATED_PRICE')),
  version                  int NOT NULL CHECK (version >= 1),
  price_formula            text CHECK (price_formula IN ('LOWEST_PRICE', 'BENCHMARK_PRICE')),
  price_weight             numeric(6,2) NOT NULL DEFAULT 0 CHECK (price_weight >= 0 AND price_weight <= 100),
  benchmark_k              numeric(6,4) NOT NULL DEFAULT 0 CHECK (benchmark_k >= 0 AND benchmark_k < 1),
  benchmark_drops_extremes boolean NOT NULL DEFAULT false,
  deduction_above          numeric(6,2) NOT NULL DEFAULT 0 CHECK (deduction_above >= 0),
  deduction_below          numeric(6,2) NOT NULL DEFAULT 0 CHECK (deduction_below >= 0),
  representative_allowed   boolean NOT NULL DEFAULT false,
  outlier_share            numeric(4,2) NOT NULL DEFAULT 0.30 CHECK (outlier_share > 0 AND outlier_share <= 1),
  effective_from           timestamptz NOT NULL,
  PRIMARY KEY (category_code, method, version),
  CHECK ((method = 'WEIGHTED_SCORING') = (price_formula IS NOT NULL))
);
CREATE TABLE evaluation.scoring_items (
  category_code  text NOT NULL,
  method         text NOT NULL,
  version        int NOT NULL,
  position       int NOT NULL,
  code           text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,31}$'),
  kind           text NOT NULL CHECK (kind IN ('TECHNICAL', 'BUSINESS')),
  name_zh        text NOT NULL,
  name_en        text NOT NULL,
  max_points     numeric(6,2) NOT NULL CHECK (max_points > 0),
  PRIMARY KEY (category_code, method, version, code),
  FOREIGN KEY (category_code, method, version) REFERENCES evaluation.scoring_tables
);

-- The demo categories' tables. Works (ENG_BUILDING): technical 50 + business 20 + price 30, benchmark price method
-- (K = 2%, highest and lowest left out from 5 bids, 1 point per 1% above, 0.5 per 1% below), tenderer's representative
-- allowed. Government procurement and the default: technical 40 + business 30 + price 30 by the low-price method.
-- Lowest evaluated price: no items, reviews only.
INSERT INTO evaluation.scoring_tables (category_code, method, version, price_formula, price_weight, benchmark_k,
  benchmark_drops_extremes, deduction_above, deduction_below, representative_allowed, outlier_share, effective_from)
VALUES ('ENG_BUILDING', 'WEIGHTED_SCORING', 1, 'BENCHMARK_PRICE', 30, 0.02, true, 1.00, 0.50, true, 0.30, '2026-01-01T00:00:00Z'),
       ('GOV_GOODS', 'WEIGHTED_SCORING', 1, 'LOWEST_PRICE', 30, 0, false, 0, 0, false, 0.30, '2026-01-01T00:00:00Z'),
       ('*', 'WEIGHTED_SCORING', 1, 'LOWEST_PRICE', 30, 0, false, 0, 0, false, 0.30, '2026-01-01T00:00:00Z'),
       ('ENG_BUILDING', 'LOWEST_EVALUATED_PRICE', 1, NULL, 0, 0, false, 0, 0, true, 0.30, '2026-01-01T00:00:00Z'),
       ('*', 'LOWEST_EVALUATED_PRICE', 1, NULL, 0, 0, false, 0, 0, false, 0.30, '2026-01-01T00:00:00Z');
INSERT INTO evaluation.scoring_items (category_code, method, version, position, code, kind, name_zh, name_en, max_points)
VALUES ('ENG_BUILDING', 'WEIGHTED_SCORING', 1, 1, 'CONSTRUCTION_PLAN', 'TECHNICAL', '施工方案与技术措施', 'Construction plan and methods', 20),
       ('ENG_BUILDING', 'WEIGHTED_SCORING', 1, 2, 'QUALITY', 'TECHNICAL', '质量管理体系与措施', 'Quality management', 10),
       ('ENG_BUILDING', 'WEIGHTED_SCORING', 1, 3, 'SAFETY', 'TECHNICAL', '安全文明施工', 'Safety and site conduct', 10),
       ('ENG_BUILDING', 'WEIGHTED_SCORING', 1, 4, 'SCHEDULE', 'TECHNICAL', '工期保证措施', 'Schedule assurance', 10),
       ('ENG_BUILDING', 'WEIGHTED_SCORING', 1, 5, 'TRACK_RECORD', 'BUSINESS', '类似工程业绩', 'Similar projects completed', 10),
       ('ENG_BUILDING', 'WEIGHTED_SCORING', 1, 6, 'PROJECT_MANAGER', 'BUSINESS', '项目经理资历', 'Project manager', 10),
       ('GOV_GOODS', 'WEIGHTED_SCORING', 1, 1, 'SPECIFICATION', 'TECHNICAL', '技术参数响应', 'Technical specification', 25),
       ('GOV_GOODS', 'WEIGHTED_SCORING', 1, 2, 'AFTER_SALES', 'TECHNICAL', '售后服务方案', 'After-sales service', 15),
       ('GOV_GOODS', 'WEIGHTED_SCORING', 1, 3, 'TRACK_RECORD', 'BUSINESS', '同类项目业绩', 'Similar contracts', 20),
       ('GOV_GOODS', 'WEIGHTED_SCORING', 1, 4, 'CREDIT', 'BUSINESS', '企业信誉', 'Reputation', 10),
       ('*', 'WEIGHTED_SCORING', 1, 1, 'TECHNICAL_PLAN', 'TECHNICAL', '技术方案', 'Technical plan', 40),
       ('*', 'WEIGHTED_SCORING', 1, 2, 'TRACK_RECORD', 'BUSINESS', '业绩与信誉', 'Track record and reputation', 30);
GRANT SELECT ON evaluation.scoring_tables, evaluation.scoring_items TO ${app_role};

-- An evaluation case: one section round's evaluation, created when its bids were opened. The committee list stays
-- sealed (experts see nothing, staff see no names) until staff begin the evaluation at the scheduled time.
CREATE TABLE evaluation.cases (
  id                         uuid PRIMARY KEY,
  section_id                 uuid NOT NULL,
  round                      int NOT NULL CHECK (round >= 1),
  region_code                text NOT NULL,
  trade_code                 text NOT NULL,
  category_code              text NOT NULL,
  tenderer_id                uuid NOT NULL,
  opening_record_id          uuid NOT NULL,
  table_category             text NOT NULL,
  method                     text NOT NULL,
  table_version              int NOT NULL,
  status                     text NOT NULL CHECK (status IN ('OPENED', 'EVALUATING', 'REPORTING', 'REPORTED')),
  scheduled_at               timestamptz,
  begun_at                   timestamptz,
  begun_by                   text,
  leader                     text,
  leader_ballot              int NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL,
  UNIQUE (section_id, round),
  FOREIGN KEY (table_category, method, table_version) REFERENCES evaluation.scoring_tables
);
-- The bids as read out at the opening; price null when the envelope was not decrypted.
CREATE TABLE evaluation.case_bids (
  case_id            uuid NOT NULL REFERENCES evaluation.cases (id),
  bid_id             uuid NOT NULL,
  position           int NOT NULL,
  bidder_id          uuid NOT NULL,
  bidder_name        text NOT NULL,
  bidder_credit_code text,
  price              numeric(20,2) CHECK (price > 0),
  duration_days      int,
  quality            text,
  decryption         text NOT NULL,
  region_code        text NOT NULL,
  PRIMARY KEY (case_id, bid_id)
);
-- The committee of a section round: seats from the draw, plus the tenderer's representative where the table allows.
CREATE TABLE evaluation.committee_seats (
  section_id              uuid NOT NULL,
  round                   int NOT NULL,
  username                text NOT NULL,
  kind                    text NOT NULL CHECK (kind IN ('EXPERT', 'REPRESENTATIVE')),
  position                int NOT NULL,
  expert_id               uuid,
  name                    text NOT NULL,
  specialty               text,
  certificate_fingerprint text NOT NULL CHECK (certificate_fingerprint ~ '^[0-9a-f]{64}$'),
  draw_id                 uuid,
  region_code             text NOT NULL,
  seated_by               text NOT NULL,
  seated_at               timestamptz NOT NULL,
  PRIMARY KEY (section_id, round, username)
);
CREATE TABLE evaluation.leader_votes (
  case_id      uuid NOT NULL REFERENCES evaluation.cases (id),
  ballot       int NOT NULL,
  voter        text NOT NULL,
  candidate    text NOT NULL,
  region_code  text NOT NULL,
  voted_at     timestamptz NOT NULL,
  PRIMARY KEY (case_id, ballot, voter)
);
CREATE TABLE evaluation.review_votes (
  case_id      uuid NOT NULL REFERENCES evaluation.cases (id),
  stage        text NOT NULL CHECK (stage IN ('QUALIFICATION', 'RESPONSIVENESS')),
  bid_id       uuid NOT NULL,
  member       text NOT NULL,
  passed       boolean NOT NULL,
  reason       text CHECK (length(reason) <= 500),
  region_code  text NOT NULL,
  voted_at     timestamptz NOT NULL,
  PRIMARY KEY (case_id, stage, bid_id, member),
  CHECK (passed OR length(reason) > 0)
);
CREATE TABLE evaluation.scores (
  case_id      uuid NOT NULL REFERENCES evaluation.cases (id),
  member       text NOT NULL,
  bid_id       uuid NOT NULL,
  item_code    text NOT NULL,
  points       numeric(6,2) NOT NULL CHECK (points >= 0),
  region_code  text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (case_id, member, bid_id, item_code)
);
-- A member's signed score sheet: the exact bytes signed, the signature and certificate. Once here, the member's
-- votes and points change no more.
CREATE TABLE evaluation.score_sheets (
  case_id      uuid NOT NULL REFERENCES evaluation.cases (id),
  member       text NOT NULL,
  content      bytea NOT NULL,
  sha256       text NOT NULL,
  signature    bytea NOT NULL,
  certificate  bytea NOT NULL,
  fingerprint  text NOT NULL,
  algorithm    text NOT NULL,
  region_code  text NOT NULL,
  signed_at    timestamptz NOT NULL,
  PRIMARY KEY (case_id, member)
);
CREATE TABLE evaluation.clarifications (
  id           uuid PRIMARY KEY,
  case_id      uuid NOT NULL REFERENCES evaluation.cases (id),
  bid_id       uuid NOT NULL,
  bidder_id    uuid NOT NULL,
  question     text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  deadline     timestamptz NOT NULL,
  asked_by     text NOT NULL,
  asked_at     timestamptz NOT NULL,
  answer       text CHECK (length(answer) BETWEEN 1 AND 4000),
  answered_by  text,
  answered_at  timestamptz,
  region_code  text NOT NULL
);
CREATE INDEX clarifications_bidder ON evaluation.clarifications (bidder_id);
-- The evaluation report (PDF) and the members' signatures over its exact bytes.
CREATE TABLE evaluation.reports (
  id           uuid PRIMARY KEY,
  case_id      uuid NOT NULL UNIQUE REFERENCES evaluation.cases (id),
  pdf          bytea NOT NULL,
  sha256       text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  reported_at  timestamptz,
  region_code  text NOT NULL
);
CREATE TABLE evaluation.report_signatures (
  report_id    uuid NOT NULL REFERENCES evaluation.reports (id),
  member       text NOT NULL,
  signature    bytea NOT NULL,
  certificate  bytea NOT NULL,
  fingerprint  text NOT NULL,
  region_code  text NOT NULL,
  signed_at    timestamptz NOT NULL,
  PRIMARY KEY (report_id, member)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases', 'case_bids', 'committee_seats', 'leader_votes', 'review_votes', 'scores',
      'score_sheets', 'clarifications', 'reports', 'report_signatures'] LOOP
    EXECUTE format('ALTER TABLE evaluation.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE evaluation.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_scope ON evaluation.%I USING (system.in_scope(region_code)) '
        || 'WITH CHECK (system.in_scope(region_code))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON evaluation.case_bids, evaluation.committee_seats, evaluation.leader_votes,
  evaluation.review_votes, evaluation.score_sheets, evaluation.clarifications, evaluation.report_signatures
  TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON evaluation.cases, evaluation.scores, evaluation.reports TO ${app_role};
GRANT UPDATE (answer, answered_by, answered_at) ON evaluation.clarifications TO ${app_role};
