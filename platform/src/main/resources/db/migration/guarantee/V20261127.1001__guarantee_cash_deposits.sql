-- Cash deposits: each bidder gets its own deposit sub-account per trade; the settlement bank's system reports
-- arrivals, which are matched to bidder and trade or flagged (wrong payer, short amount, unknown sub-account).

CREATE TABLE guarantee.deposit_accounts (
  account_number    text PRIMARY KEY CHECK (account_number ~ '^[0-9]{16,24}$'),
  requirement_id    uuid NOT NULL REFERENCES guarantee.requirements (id),
  trade_code        text NOT NULL,
  section_name      text NOT NULL,
  region_code       text NOT NULL,
  bidder_id         uuid NOT NULL,
  bidder_name       text NOT NULL,
  amount_required   numeric(20,2) NOT NULL CHECK (amount_required > 0),
  opened_by         text NOT NULL,
  opened_at         timestamptz NOT NULL,
  UNIQUE (requirement_id, bidder_id)
);
ALTER TABLE guarantee.deposit_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE guarantee.deposit_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON guarantee.deposit_accounts
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

-- The settlement banks' machine accounts, registered by staff (there is no bank role: API_CLIENT plus this link).
CREATE TABLE guarantee.banks (
  client_username   text PRIMARY KEY,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  registered_by     text NOT NULL,
  registered_at     timestamptz NOT NULL
);

-- Every arrival a bank reported, matched or flagged; city-wide like the letters, so other modules ask about it
-- inside their own transactions. A bank reference is reported once per bank.
CREATE TABLE guarantee.deposit_arrivals (
  id                uuid PRIMARY KEY,
  bank_client       text NOT NULL REFERENCES guarantee.banks (client_username),
  bank_reference    text NOT NULL,
  account_number    text NOT NULL,
  trade_code        text,
  bidder_id         uuid,
  amount            numeric(20,2) NOT NULL CHECK (amount > 0),
  payer_account     text NOT NULL,
  payer_name        text NOT NULL,
  paid_at           timestamptz NOT NULL,
  outcome           text NOT NULL CHECK (outcome IN ('MATCHED', 'WRONG_PAYER', 'SHORT', 'UNKNOWN_ACCOUNT')),
  idempotency_key   text NOT NULL,
  request_sha256    text NOT NULL,
  recorded_at       timestamptz NOT NULL,
  UNIQUE (bank_client, bank_reference),
  UNIQUE (bank_client, idempotency_key)
);
CREATE INDEX deposit_arrivals_security ON guarantee.deposit_arrivals (trade_code, bidder_id, outcome);

GRANT SELECT, INSERT ON guarantee.deposit_accounts, guarantee.banks, guarantee.deposit_arrivals TO ${app_role};
