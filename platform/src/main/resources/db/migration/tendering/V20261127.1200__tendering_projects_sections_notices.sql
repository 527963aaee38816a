CREATE SCHEMA IF NOT EXISTS tendering;
GRANT USAGE ON SCHEMA tendering TO ${app_role};

-- A tenderer's written mandate (委托) to an agency: the agency may register and run the tenderer's projects.
-- City-wide, like the registry entities it names.
CREATE TABLE tendering.mandates (
  id              uuid PRIMARY KEY,
  tenderer_id     uuid NOT NULL,
  tenderer_name   text NOT NULL,
  agency_id       uuid NOT NULL,
  agency_name     text NOT NULL,
  scope           text NOT NULL CHECK (length(scope) BETWEEN 1 AND 500),
  recorded_by     text NOT NULL,
  recorded_at     timestamptz NOT NULL,
  UNIQUE (tenderer_id, agency_id)
);

-- The next sequence number of trade codes per region and year (统一交易标识码 CQ-500103-2026-000017).
CREATE TABLE tendering.trade_sequences (
  region_code   text NOT NULL,
  year          int NOT NULL,
  last_value    int NOT NULL,
  PRIMARY KEY (region_code, year)
);

-- 项目 and 招标项目: the investment project and the part of it put out to tender (one row: the tender project names
-- its project). Sections carry the region; a tender project is the tenderer's own record.
CREATE TABLE tendering.tender_projects (
  id                    uuid PRIMARY KEY,
  project_name          text NOT NULL CHECK (length(project_name) BETWEEN 1 AND 200),
  project_approval      text,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  region_code           text NOT NULL,
  tenderer_id           uuid NOT NULL,
  tenderer_name         text NOT NULL,
  tenderer_credit_code  text NOT NULL,
  agency_id             uuid,
  agency_name           text,
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL
);

-- 标段（包）: receives bids, carries the trade code, the procedure template revision it started under, the notice,
-- and the procedure's clock (documents period, bid deadline, pauses while objections wait for an answer).
CREATE TABLE tendering.sections (
  id                      uuid PRIMARY KEY,
  tender_project_id       uuid NOT NULL REFERENCES tendering.tender_projects (id),
  trade_code              text NOT NULL UNIQUE CHECK (trade_code ~ '^[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]$'),
  name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  region_code             text NOT NULL,
  category_code           text NOT NULL,
  family                  text NOT NULL CHECK (family IN ('TENDER', 'PROCUREMENT')),
  procedure               text NOT NULL,
  template_version        int NOT NULL,
  estimated_price         numeric(20,2) NOT NULL CHECK (estimated_price > 0),
  bid_security            numeric(20,2) NOT NULL CHECK (bid_security >= 0),
  bid_validity_days       int NOT NULL CHECK (bid_validity_days BETWEEN 1 AND 365),
  qualifications          text[] NOT NULL DEFAULT '{}',
  status                  text NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'REGISTERED', 'NOTICE_SUBMITTED',
                                                          'NOTICE_RETURNED', 'PUBLISHED')),
  return_reason           text,
  notice_title            text,
  notice_body             text,
  documents_from          timestamptz,
  documents_until         timestamptz,
  bid_deadline            timestamptz,
  paused_since            timestamptz,
  notice_id               uuid UNIQUE,
  published_at            timestamptz,
  published_by            text,
  signed_content          text,
  signature               text,
  opening_key             uuid,
  created_by              text NOT NULL,
  created_at              timestamptz NOT NULL,
  checked_by              text,
  checked_at              timestamptz,
  version                 bigint NOT NULL DEFAULT 0
);
CREATE INDEX sections_project ON tendering.sections (tender_project_id);

-- Every move of a bid deadline, with the reason: publication, an amendment, a pause for an objection.
CREATE TABLE tendering.deadline_changes (
  id            uuid PRIMARY KEY,
  section_id    uuid NOT NULL REFERENCES tendering.sections (id),
  region_code   text NOT NULL,
  previous      timestamptz,
  deadline      timestamptz NOT NULL,
  reason        text NOT NULL,
  changed_by    text NOT NULL,
  changed_at    timestamptz NOT NULL,
  CHECK (previous IS NULL OR deadline >= previous)
);

-- Tender documents: content-addressed blobs on disk (SHA-256 names the file; SM3 recorded beside it).
CREATE TABLE tendering.documents (
  id            uuid PRIMARY KEY,
  section_id    uuid NOT NULL REFERENCES tendering.sections (id),
  region_code   text NOT NULL,
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type  text NOT NULL,
  size          bigint NOT NULL CHECK (size > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  sm3           text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  uploaded_by   text NOT NULL,
  uploaded_at   timestamptz NOT NULL
);
CREATE INDEX documents_section ON tendering.documents (section_id);

-- Bidders that registered interest in a section, and every download of a document.
CREATE TABLE tendering.interests (
  section_id      uuid NOT NULL REFERENCES tendering.sections (id),
  bidder_id       uuid NOT NULL,
  bidder_name     text NOT NULL,
  region_code     text NOT NULL,
  registered_by   text NOT NULL,
  registered_at   timestamptz NOT NULL,
  PRIMARY KEY (section_id, bidder_id)
);

CREATE TABLE tendering.downloads (
  id              uuid PRIMARY KEY,
  section_id      uuid NOT NULL REFERENCES tendering.sections (id),
  document_id     uuid NOT NULL REFERENCES tendering.documents (id),
  bidder_id       uuid NOT NULL,
  region_code     text NOT NULL,
  downloaded_by   text NOT NULL,
  downloaded_at   timestamptz NOT NULL
);
CREATE INDEX downloads_section ON tendering.downloads (section_id, bidder_id);

-- Bidders' questions: the asker is kept for regulators and never shown to the tenderer or other bidders.
CREATE TABLE tendering.questions (
  id            uuid PRIMARY KEY,
  section_id    uuid NOT NULL REFERENCES tendering.sections (id),
  region_code   text NOT NULL,
  asker_id      uuid NOT NULL,
  text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  asked_at      timestamptz NOT NULL,
  answer        text CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 4000),
  answered_by   text,
  answered_at   timestamptz
);
CREATE INDEX questions_section ON tendering.questions (section_id);

-- Clarifications and amendments of the documents, published to every bidder of the section.
CREATE TABLE tendering.clarifications (
  id                uuid PRIMARY KEY,
  section_id        uuid NOT NULL REFERENCES tendering.sections (id),
  region_code       text NOT NULL,
  text              text NOT NULL CHECK (length(text) BETWEEN 1 AND 8000),
  affects_bids      boolean NOT NULL,
  question_id       uuid REFERENCES tendering.questions (id),
  deadline_before   timestamptz NOT NULL,
  deadline_after    timestamptz NOT NULL CHECK (deadline_after >= deadline_before),
  notice_id         uuid NOT NULL UNIQUE,
  signature         text NOT NULL,
  issued_by         text NOT NULL,
  issued_at         timestamptz NOT NULL
);
CREATE INDEX clarifications_section ON tendering.clarifications (section_id);

-- Objections (异议) to the documents; each pauses the procedure until it is answered.
CREATE TABLE tendering.objections (
  id              uuid PRIMARY KEY,
  section_id      uuid NOT NULL REFERENCES tendering.sections (id),
  region_code     text NOT NULL,
  objector_id     uuid NOT NULL,
  objector_name   text NOT NULL,
  text            text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  raised_by       text NOT NULL,
  raised_at       timestamptz NOT NULL,
  answer_due      timestamptz NOT NULL,
  answer          text,
  answered_by     text,
  answered_at     timestamptz
);
CREATE INDEX objections_section ON tendering.objections (section_id);

-- What bidders of a section are told (a changed deadline, a clarification): their workspace list.
CREATE TABLE tendering.notifications (
  id            uuid PRIMARY KEY,
  section_id    uuid NOT NULL REFERENCES tendering.sections (id),
  region_code   text NOT NULL,
  entity_id     uuid NOT NULL,
  message_key   text NOT NULL,
  argument      text,
  created_at    timestamptz NOT NULL
);
CREATE INDEX notifications_entity ON tendering.notifications (entity_id, created_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['trade_sequences', 'tender_projects', 'sections', 'deadline_changes', 'documents',
                           'interests', 'downloads', 'questions', 'clarifications', 'objections', 'notifications'] LOOP
    EXECUTE format('ALTER TABLE tendering.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE tendering.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_scope ON tendering.%I USING (system.in_scope(region_code)) '
                   'WITH CHECK (system.in_scope(region_code))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON tendering.mandates, tendering.deadline_changes, tendering.documents, tendering.interests,
  tendering.downloads, tendering.clarifications, tendering.notifications, tendering.tender_projects TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON tendering.trade_sequences, tendering.sections, tendering.questions,
  tendering.objections TO ${app_role};
