CREATE SCHEMA IF NOT EXISTS account;
GRANT USAGE ON SCHEMA account TO ${app_role};

-- Region-scoped: staff and regulators belong to their region; everyone else is filed under the city.
CREATE TABLE account.accounts (
  id                uuid PRIMARY KEY,
  username          text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  display_name      text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
  kind              text NOT NULL CHECK (kind IN ('PERSON', 'MACHINE')),
  roles             text[] NOT NULL CHECK (cardinality(roles) >= 1),
  region_code       text NOT NULL,
  city_wide         boolean NOT NULL DEFAULT false,
  industries        text[] NOT NULL DEFAULT '{}',
  password_hash     text,
  enabled           boolean NOT NULL DEFAULT true,
  demo              boolean NOT NULL DEFAULT false,
  failed_logins     integer NOT NULL DEFAULT 0,
  locked_until      timestamptz,
  last_signed_in_at timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  version           bigint NOT NULL DEFAULT 0,
  CHECK (kind = 'MACHINE' OR password_hash IS NOT NULL)
);
CREATE INDEX accounts_region ON account.accounts (region_code);

CREATE TABLE account.api_tokens (
  id            uuid PRIMARY KEY,
  account_id    uuid NOT NULL REFERENCES account.accounts (id),
  region_code   text NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  prefix        text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz,
  revoked_at    timestamptz,
  last_used_at  timestamptz
);
CREATE INDEX api_tokens_account ON account.api_tokens (account_id);

ALTER TABLE account.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE account.accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON account.accounts
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

ALTER TABLE account.api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE account.api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON account.api_tokens
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT, UPDATE ON account.accounts, account.api_tokens TO ${app_role};
