CREATE SCHEMA IF NOT EXISTS catalog;
GRANT USAGE ON SCHEMA catalog TO ${app_role};

-- The deployment's city and its districts, loaded from reference data. City-wide, so not region-scoped.
CREATE TABLE catalog.regions (
  code        text PRIMARY KEY CHECK (code ~ '^(\d{6}|X\d{5})$'),
  city_code   text NOT NULL,
  name_zh     text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
  name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
  level       text NOT NULL CHECK (level IN ('city', 'district', 'county', 'zone')),
  note        text,
  active      boolean NOT NULL DEFAULT true,
  position    integer NOT NULL,
  version     integer NOT NULL DEFAULT 0
);

-- The trading category catalogue. Codes never change; names may, and past transactions keep the code.
CREATE TABLE catalog.categories (
  code           text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_zh        text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
  name_en        text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
  family         text NOT NULL,
  supervisor_zh  text,
  note           text,
  enabled        boolean NOT NULL DEFAULT true,
  position       integer NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  version        integer NOT NULL DEFAULT 0
);

-- Procedure templates are versioned and immutable: an edit adds a version, and a transaction started under
-- version n keeps version n. The application may insert versions but never update or delete them.
CREATE TABLE catalog.procedure_templates (
  category_code                text NOT NULL REFERENCES catalog.categories (code),
  version                      integer NOT NULL CHECK (version >= 1),
  procedure                    text NOT NULL,
  bid_period_days              integer CHECK (bid_period_days >= 0),
  document_availability_days   integer CHECK (document_availability_days >= 0),
  amendment_notice_days        integer CHECK (amendment_notice_days >= 0),
  objection_deadline_days      integer CHECK (objection_deadline_days >= 0),
  objection_answer_days        integer CHECK (objection_answer_days >= 0),
  candidate_publicity_days     integer CHECK (candidate_publicity_days >= 0),
  decryption_window_minutes    integer CHECK (decryption_window_minutes >= 0),
  listing_period_days          integer CHECK (listing_period_days >= 0),
  listing_in_working_days      boolean NOT NULL DEFAULT false,
  countdown_minutes            integer CHECK (countdown_minutes >= 0),
  min_bids                     integer NOT NULL CHECK (min_bids >= 1),
  prequalification             boolean NOT NULL,
  auction                      boolean NOT NULL,
  evaluation_method            text,
  security_max_percent         numeric(5, 2) CHECK (security_max_percent >= 0),
  effective_from               timestamptz NOT NULL,
  revised_by                   text NOT NULL,
  reason                       text,
  PRIMARY KEY (category_code, version)
);

GRANT SELECT ON catalog.regions, catalog.categories, catalog.procedure_templates TO ${app_role};
GRANT INSERT, UPDATE ON catalog.regions, catalog.categories TO ${app_role};
GRANT INSERT ON catalog.procedure_templates TO ${app_role};
