-- Issue 17, item 10: a failed password no longer locks the account (a stranger could keep any account locked);
-- sign-in is slowed in memory per source and per username instead (account.SignInThrottle), so the row keeps no count.
ALTER TABLE account.accounts DROP COLUMN failed_logins;
ALTER TABLE account.accounts DROP COLUMN locked_until;
