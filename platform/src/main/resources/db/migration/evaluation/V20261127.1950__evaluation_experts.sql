CREATE SCHEMA IF NOT EXISTS evaluation;
GRANT USAGE ON SCHEMA evaluation TO ${app_role};

-- Expert specialties (评标专家专业分类), after the national classification's shape: A works, B goods, C services.
-- Reference data, loaded here; staff pick from it.
CREATE TABLE evaluation.expert_specialties (
  code     text PRIMARY KEY CHECK (code ~ '^[A-Z][0-9]{2,6}$'),
  name_zh  text NOT NULL,
  name_en  text NOT NULL
);
INSERT INTO evaluation.expert_specialties (code, name_zh, name_en) VALUES
  ('A01',   '工程类：土木建筑', 'Works: civil and building'),
  ('A0101', '房屋建筑工程', 'Building works'),
  ('A0102', '市政公用工程', 'Municipal works'),
  ('A0103', '公路工程', 'Highway works'),
  ('A0104', '水利水电工程', 'Water conservancy and hydropower works'),
  ('A0105', '工程造价', 'Works cost estimation'),
  ('A0106', '建筑智能化与机电安装', 'Building automation and M&E installation'),
  ('B01',   '货物类：通用设备', 'Goods: general equipment'),
  ('B0101', '信息技术设备', 'IT equipment'),
  ('B0102', '医疗设备', 'Medical equipment'),
  ('B0103', '工程设备与材料', 'Works equipment and materials'),
  ('C01',   '服务类：专业服务', 'Services: professional'),
  ('C0101', '信息技术服务', 'IT services'),
  ('C0102', '工程咨询与监理', 'Engineering consultancy and supervision'),
  ('C0103', '财务与法律', 'Finance and law');
GRANT SELECT ON evaluation.expert_specialties TO ${app_role};

-- The expert pool is city-wide (one pool for every district), like the registry: no region_code and no row-level
-- security. home_region routes maintenance to the staff who cover it and feeds the draw's region constraints.
CREATE TABLE evaluation.experts (
  id                      uuid PRIMARY KEY,
  account_id              uuid NOT NULL UNIQUE,
  username                text NOT NULL UNIQUE,
  name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  id_number               text NOT NULL UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  phone                   text NOT NULL CHECK (phone ~ '^[0-9+-]{6,20}$'),
  home_region             text NOT NULL,
  employer_id             uuid,
  employer_name           text NOT NULL CHECK (length(employer_name) BETWEEN 1 AND 100),
  employer_credit_code    text CHECK (employer_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  certificate             bytea,
  certificate_fingerprint text UNIQUE,
  certificate_subject     text,
  certificate_not_after   timestamptz,
  created_by              text NOT NULL,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  version                 bigint NOT NULL DEFAULT 0
);
CREATE INDEX experts_home_region ON evaluation.experts (home_region);
CREATE INDEX experts_employer ON evaluation.experts (employer_id);

CREATE TABLE evaluation.expert_specialty_holdings (
  expert_id  uuid NOT NULL REFERENCES evaluation.experts (id),
  specialty  text NOT NULL REFERENCES evaluation.expert_specialties (code),
  PRIMARY KEY (specialty, expert_id)
);

-- Periods an expert cannot serve (travel, illness, their own declaration).
CREATE TABLE evaluation.expert_unavailability (
  id          uuid PRIMARY KEY,
  expert_id   uuid NOT NULL REFERENCES evaluation.experts (id),
  from_day    date NOT NULL,
  until_day   date NOT NULL CHECK (until_day >= from_day),
  reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX expert_unavailability_expert ON evaluation.expert_unavailability (expert_id);

-- Credit records: a rating after an evaluation, a warning, or blacklisting for a period (no draw while it runs).
CREATE TABLE evaluation.expert_credit (
  id          uuid PRIMARY KEY,
  expert_id   uuid NOT NULL REFERENCES evaluation.experts (id),
  kind        text NOT NULL CHECK (kind IN ('RATING', 'WARNING', 'BLACKLIST')),
  rating      int CHECK (rating BETWEEN 1 AND 5),
  note        text NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
  from_day    date NOT NULL,
  until_day   date,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK ((kind = 'RATING') = (rating IS NOT NULL)),
  CHECK (kind <> 'BLACKLIST' OR (until_day IS NOT NULL AND until_day >= from_day))
);
CREATE INDEX expert_credit_expert ON evaluation.expert_credit (expert_id);

-- Service history: each seated expert served this tenderer on this day (avoidance of repeat service).
CREATE TABLE evaluation.expert_service (
  expert_id  uuid NOT NULL REFERENCES evaluation.experts (id),
  tenderer   uuid NOT NULL,
  served_on  date NOT NULL,
  draw_id    uuid NOT NULL,
  PRIMARY KEY (draw_id, expert_id)
);
CREATE INDEX expert_service_tenderer ON evaluation.expert_service (tenderer, served_on);

-- One-time challenges of the certificate sign-in: short-lived, used at most once.
CREATE TABLE evaluation.expert_sign_in_challenges (
  id          uuid PRIMARY KEY,
  challenge   text NOT NULL,
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

GRANT SELECT, INSERT, UPDATE ON evaluation.experts, evaluation.expert_sign_in_challenges TO ${app_role};
GRANT SELECT, INSERT, DELETE ON evaluation.expert_specialty_holdings TO ${app_role};
GRANT SELECT, INSERT ON evaluation.expert_unavailability, evaluation.expert_credit, evaluation.expert_service
  TO ${app_role};
