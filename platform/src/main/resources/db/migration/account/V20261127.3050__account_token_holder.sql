-- Issue 25: a bearer token's holder in one statement, outside any transaction of the application (account.Accounts
-- .tokenHolder, account.TokenLogin): the function sets the platform's scope for its own duration (the tokens and
-- accounts are region-scoped and a bearer call has no principal yet; set and restored in the body, since a SET clause
-- on a placeholder variable needs a superuser to create), marks the token used when its mark is
-- older than a minute, and lets that commit skip the wait for the disk (the mark is a fact to the minute: a crash may
-- lose it, nothing else). It runs with the caller's rights: row-level security still applies, under that scope.
CREATE FUNCTION account.api_token_holder(p_hash text, p_now timestamptz, p_stale_before timestamptz)
  RETURNS TABLE (token_id uuid, token_expires_at timestamptz, id uuid, username text, display_name text, kind text,
                 roles text[], region_code text, city_wide boolean, industries text[], password_hash text,
                 enabled boolean, demo boolean, last_signed_in_at timestamptz, created_at timestamptz,
                 updated_at timestamptz, version bigint)
  LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  t account.api_tokens%ROWTYPE;
  scope_all text := current_setting('yiwang.scope_all', true);
BEGIN
  PERFORM set_config('yiwang.scope_all', 'on', true);
  SELECT * INTO t FROM account.api_tokens k
    WHERE k.token_hash = p_hash AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > p_now);
  IF NOT FOUND THEN
    PERFORM set_config('yiwang.scope_all', coalesce(scope_all, ''), true);
    RETURN;
  END IF;
  IF t.last_used_at IS NULL OR t.last_used_at < p_stale_before THEN
    PERFORM set_config('synchronous_commit', 'off', true);
    UPDATE account.api_tokens k SET last_used_at = p_now WHERE k.id = t.id;
  END IF;
  RETURN QUERY
    SELECT t.id, t.expires_at, a.id, a.username, a.display_name, a.kind, a.roles, a.region_code, a.city_wide,
           a.industries, a.password_hash, a.enabled, a.demo, a.last_signed_in_at, a.created_at, a.updated_at, a.version
    FROM account.accounts a WHERE a.id = t.account_id;
  -- the caller's scope is back for its next statement (Accounts.tokenHolder calls it outside any transaction)
  PERFORM set_config('yiwang.scope_all', coalesce(scope_all, ''), true);
END
$$;
REVOKE ALL ON FUNCTION account.api_token_holder(text, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION account.api_token_holder(text, timestamptz, timestamptz) TO ${app_role};
