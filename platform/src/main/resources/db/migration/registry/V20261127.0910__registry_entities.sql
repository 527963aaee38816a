CREATE SCHEMA IF NOT EXISTS registry;
GRANT USAGE ON SCHEMA registry TO ${app_role};

-- Market entities are registered once and valid in every district (一处注册、全市通用), so this schema is city-wide:
-- no region_code and no row-level security. registered_region only routes the review to that district's staff.
CREATE TABLE registry.entities (
  id                    uuid PRIMARY KEY,
  kind                  text NOT NULL CHECK (kind IN ('ORGANIZATION', 'PERSON', 'CONSORTIUM')),
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  credit_code           text UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  id_number             text UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  legal_representative  text,
  contact_name          text NOT NULL,
  contact_phone         text NOT NULL,
  address               text,
  registered_region     text NOT NULL,
  non_local             boolean NOT NULL,
  roles                 text[] NOT NULL DEFAULT '{}',
  requested_roles       text[] NOT NULL DEFAULT '{}',
  status                text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'RETURNED')),
  return_reason         text,
  submitted_at          timestamptz NOT NULL,
  reviewed_at           timestamptz,
  reviewed_by           text,
  created_at            timestamptz NOT NULL,
  version               bigint NOT NULL DEFAULT 0,
  CHECK ((kind = 'ORGANIZATION') = (credit_code IS NOT NULL)),
  CHECK ((kind = 'PERSON') = (id_number IS NOT NULL))
);
CREATE INDEX entities_review ON registry.entities (status, registered_region);

-- The accounts acting for an entity (its member accounts).
CREATE TABLE registry.members (
  entity_id   uuid NOT NULL REFERENCES registry.entities (id),
  account_id  uuid NOT NULL,
  username    text NOT NULL,
  is_admin    boolean NOT NULL DEFAULT false,
  added_at    timestamptz NOT NULL,
  PRIMARY KEY (entity_id, account_id)
);
CREATE INDEX members_account ON registry.members (account_id);

-- The members of a consortium formed for one bid; one of them leads.
CREATE TABLE registry.consortium_members (
  consortium_id  uuid NOT NULL REFERENCES registry.entities (id),
  member_id      uuid NOT NULL REFERENCES registry.entities (id),
  lead           boolean NOT NULL,
  PRIMARY KEY (consortium_id, member_id)
);

CREATE TABLE registry.qualifications (
  id           uuid PRIMARY KEY,
  entity_id    uuid NOT NULL REFERENCES registry.entities (id),
  type         text NOT NULL CHECK (length(type) BETWEEN 1 AND 60),
  grade        text,
  number       text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
  issuer       text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 100),
  valid_from   date NOT NULL,
  valid_until  date NOT NULL CHECK (valid_until >= valid_from),
  added_at     timestamptz NOT NULL,
  UNIQUE (entity_id, type, number)
);

-- Good and bad conduct, and blacklisting for a period, over the whole city or some regions and categories.
CREATE TABLE registry.credit_records (
  id           uuid PRIMARY KEY,
  entity_id    uuid NOT NULL REFERENCES registry.entities (id),
  kind         text NOT NULL CHECK (kind IN ('GOOD', 'BAD', 'BLACKLIST')),
  description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  source       text NOT NULL,
  regions      text[] NOT NULL DEFAULT '{}',
  categories   text[] NOT NULL DEFAULT '{}',
  starts_on    date NOT NULL,
  ends_on      date,
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK (kind <> 'BLACKLIST' OR ends_on IS NOT NULL)
);
CREATE INDEX credit_records_entity ON registry.credit_records (entity_id, kind);

GRANT SELECT, INSERT, UPDATE ON registry.entities TO ${app_role};
GRANT SELECT, INSERT ON registry.members, registry.consortium_members, registry.qualifications, registry.credit_records
  TO ${app_role};
