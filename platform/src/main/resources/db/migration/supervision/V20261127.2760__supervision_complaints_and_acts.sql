-- The supervision module's schema. C's alerts and screens add their own tables here too, so the schema and its
-- grant are created idempotently.
CREATE SCHEMA IF NOT EXISTS supervision;
GRANT USAGE ON SCHEMA supervision TO ${app_role};

-- 投诉: a complaint against a section, handled by the competent regulator (the category's department in the
-- section's region), with its statutory clock (招标投标法实施条例 Art. 60-61; 政府采购法 Art. 52-56).
CREATE TABLE supervision.complaint_complaints (
  id                     uuid PRIMARY KEY,
  section_id             uuid NOT NULL,
  trade_code             text NOT NULL,
  section_name           text NOT NULL,
  category_code          text NOT NULL,
  department             text NOT NULL,
  region_code            text NOT NULL,
  regime                 text NOT NULL CHECK (regime IN ('TENDERING', 'PROCUREMENT')),
  ground                 text NOT NULL,
  complainant_id         uuid NOT NULL,
  complainant_name       text NOT NULL,
  filed_by               text NOT NULL,
  matter                 text NOT NULL CHECK (length(matter) BETWEEN 1 AND 4000),
  request                text NOT NULL CHECK (length(request) BETWEEN 1 AND 2000),
  known_on               date NOT NULL,
  objection_raised_on    date,
  objection_answered_on  date,
  filed_at               timestamptz NOT NULL,
  filed_on               date NOT NULL,
  acceptance_due         date NOT NULL,
  status                 text NOT NULL CHECK (status IN ('FILED', 'ACCEPTED', 'NOT_ACCEPTED', 'RULED')),
  accepted_on            date,
  decided_by             text,
  decided_at             timestamptz,
  not_accepted_reason    text,
  outcome                text CHECK (outcome IN ('UPHELD', 'DISMISSED')),
  ruling                 text,
  ruling_act             uuid,
  ruled_at               timestamptz,
  acceptance_overdue_at  timestamptz,
  ruling_overdue_at      timestamptz,
  version                int NOT NULL DEFAULT 0
);
CREATE INDEX complaint_complaints_complainant ON supervision.complaint_complaints (complainant_id, filed_at DESC);
CREATE INDEX complaint_complaints_open ON supervision.complaint_complaints (status) WHERE status IN ('FILED', 'ACCEPTED');

-- Evidence files: content-addressed blobs on disk (SHA-256 names the file, SM3 recorded beside it).
CREATE TABLE supervision.complaint_evidence (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES supervision.complaint_complaints (id),
  region_code   text NOT NULL,
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type  text NOT NULL,
  size          bigint NOT NULL CHECK (size > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  sm3           text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  uploaded_at   timestamptz NOT NULL
);

-- Periods that do not count towards the ruling's 30 working days (检验、检测、鉴定、专家评审; in procurement also
-- 补正材料): started and ended by the regulator.
CREATE TABLE supervision.complaint_pauses (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES supervision.complaint_complaints (id),
  region_code   text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('EXPERT_REVIEW', 'INSPECTION', 'CORRECTION')),
  reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  started_on    date NOT NULL,
  started_by    text NOT NULL,
  ended_on      date,
  ended_by      text,
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE UNIQUE INDEX complaint_pauses_one_open ON supervision.complaint_pauses (complaint_id) WHERE ended_on IS NULL;

-- A regulator's act: prepared (its text fixed), then signed with the regulator's certificate, which makes it take
-- effect. Published acts are shown on the public decisions page.
CREATE TABLE supervision.action_acts (
  id                  uuid PRIMARY KEY,
  kind                text NOT NULL,
  status              text NOT NULL CHECK (status IN ('PREPARED', 'SIGNED')),
  region_code         text NOT NULL,
  department          text NOT NULL,
  target              text NOT NULL,
  target_name         text NOT NULL,
  section_id          uuid,
  complaint_id        uuid,
  entity_id           uuid,
  expert_id           uuid,
  outcome             text,
  until               date,
  reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
  content             text NOT NULL,
  published           boolean NOT NULL,
  prepared_by         text NOT NULL,
  prepared_by_name    text NOT NULL,
  prepared_at         timestamptz NOT NULL,
  signature           bytea,
  certificate         text,
  algorithm           text,
  signer_fingerprint  text,
  signer_subject      text,
  signed_at           timestamptz,
  CHECK ((status = 'SIGNED') = (signature IS NOT NULL AND signed_at IS NOT NULL))
);
CREATE INDEX action_acts_published ON supervision.action_acts (signed_at DESC) WHERE published AND status = 'SIGNED';

-- The certificate each regulator signs with: bound by the first accepted signature (trust on first use), then
-- required for every later act. City-wide: an account has one row whatever region it works in.
CREATE TABLE supervision.action_signers (
  username      text PRIMARY KEY,
  fingerprint   text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  subject       text NOT NULL,
  bound_at      timestamptz NOT NULL
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['complaint_complaints', 'complaint_evidence', 'complaint_pauses', 'action_acts'] LOOP
    EXECUTE format('ALTER TABLE supervision.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE supervision.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_scope ON supervision.%I USING (system.in_scope(region_code)) '
                   'WITH CHECK (system.in_scope(region_code))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON supervision.complaint_evidence, supervision.action_signers TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON supervision.complaint_complaints, supervision.complaint_pauses,
  supervision.action_acts TO ${app_role};
