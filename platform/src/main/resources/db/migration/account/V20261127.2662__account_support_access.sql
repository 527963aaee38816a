-- Issue 17, item 8: staff never hold a person's credential. Support access is a separate act: requested by staff with
-- a reason, announced to the person, limited in time, ended by either side; every act under it names both.
CREATE TABLE account.support_access (
  id              uuid PRIMARY KEY,
  account_id      uuid NOT NULL REFERENCES account.accounts (id),
  region_code     text NOT NULL,
  staff_username  text NOT NULL,
  staff_name      text NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 5 AND 500),
  granted_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL CHECK (expires_at > granted_at),
  ended_at        timestamptz,
  ended_by        text
);
CREATE INDEX support_access_account ON account.support_access (account_id, granted_at DESC);

ALTER TABLE account.support_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE account.support_access FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON account.support_access
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT, UPDATE ON account.support_access TO ${app_role};

-- Until now only staff could mint tokens, so every live token of a person is one staff could hold: revoked. Persons
-- mint their own from their profile.
SET LOCAL yiwang.scope_all = 'on';
UPDATE account.api_tokens SET revoked_at = now()
  WHERE revoked_at IS NULL AND account_id IN (SELECT id FROM account.accounts WHERE kind = 'PERSON');
