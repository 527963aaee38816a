-- Release and refund of bid security (实施条例 Art. 57). When a trade's transaction ends, the securities of the
-- unsuccessful bidders are released at once; the winner's when the contract is signed. A released guarantee is put
-- on its issuer's feed until the issuer's system acknowledges it; a cash deposit becomes a refund instruction
-- (principal + interest at the deposit rate) on its bank's feed until the bank's system confirms it executed.

CREATE TABLE guarantee.transaction_ends (
  trade_code          text PRIMARY KEY,
  region_code         text NOT NULL,
  winner_id           uuid,
  ended_by            text NOT NULL,
  ended_at            timestamptz NOT NULL,
  contract_signed_on  date,
  signed_by           text,
  signed_recorded_at  timestamptz
);
ALTER TABLE guarantee.transaction_ends ENABLE ROW LEVEL SECURITY;
ALTER TABLE guarantee.transaction_ends FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON guarantee.transaction_ends
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

CREATE TABLE guarantee.releases (
  id                uuid PRIMARY KEY,
  letter_id         uuid NOT NULL UNIQUE REFERENCES guarantee.letters (id),
  letter_number     text NOT NULL,
  trade_code        text NOT NULL,
  region_code       text NOT NULL,
  issuer_id         uuid NOT NULL,
  applicant_id      uuid NOT NULL,
  amount            numeric(20,2) NOT NULL,
  reason            text NOT NULL CHECK (reason IN ('UNSUCCESSFUL', 'CONTRACT_SIGNED')),
  released_at       timestamptz NOT NULL,
  acknowledged_at   timestamptz
);
CREATE INDEX releases_issuer ON guarantee.releases (issuer_id, acknowledged_at);
CREATE INDEX releases_trade ON guarantee.releases (trade_code);
ALTER TABLE guarantee.releases ENABLE ROW LEVEL SECURITY;
ALTER TABLE guarantee.releases FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON guarantee.releases
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

-- One refund per arrival on a bidder's sub-account (a flagged arrival is returned to its payer too).
-- interest = principal × annual_rate × days / 360, rounded half-up to the fen; days from the arrival day to the
-- instruction day (Asia/Shanghai).
CREATE TABLE guarantee.refunds (
  id                uuid PRIMARY KEY,
  arrival_id        uuid NOT NULL UNIQUE REFERENCES guarantee.deposit_arrivals (id),
  account_number    text NOT NULL,
  trade_code        text NOT NULL,
  region_code       text NOT NULL,
  bidder_id         uuid NOT NULL,
  bidder_name       text NOT NULL,
  bank_client       text NOT NULL REFERENCES guarantee.banks (client_username),
  payer_account     text NOT NULL,
  payer_name        text NOT NULL,
  principal         numeric(20,2) NOT NULL CHECK (principal > 0),
  annual_rate       numeric(9,6) NOT NULL CHECK (annual_rate >= 0 AND annual_rate < 1),
  held_from         date NOT NULL,
  held_until        date NOT NULL CHECK (held_until >= held_from),
  days_held         integer NOT NULL CHECK (days_held >= 0),
  interest          numeric(20,2) NOT NULL CHECK (interest >= 0),
  total             numeric(20,2) NOT NULL CHECK (total = principal + interest),
  reason            text NOT NULL CHECK (reason IN ('UNSUCCESSFUL', 'CONTRACT_SIGNED')),
  due_on            date NOT NULL,
  status            text NOT NULL CHECK (status IN ('INSTRUCTED', 'EXECUTED')),
  instructed_at     timestamptz NOT NULL,
  executed_at       timestamptz,
  bank_reference    text,
  confirm_key       text,
  confirm_sha256    text,
  confirmed_at      timestamptz,
  UNIQUE (bank_client, bank_reference),
  UNIQUE (bank_client, confirm_key)
);
CREATE INDEX refunds_bank ON guarantee.refunds (bank_client, status);
CREATE INDEX refunds_trade ON guarantee.refunds (trade_code);
CREATE INDEX refunds_due ON guarantee.refunds (status, due_on);
ALTER TABLE guarantee.refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE guarantee.refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON guarantee.refunds
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

GRANT SELECT, INSERT, UPDATE ON guarantee.transaction_ends, guarantee.releases, guarantee.refunds TO ${app_role};

-- Arrivals are city-wide (other modules ask about them in any scope), so whether one was refunded is kept on it too.
ALTER TABLE guarantee.deposit_arrivals ADD COLUMN refunded_at timestamptz;
GRANT UPDATE (refunded_at) ON guarantee.deposit_arrivals TO ${app_role};
