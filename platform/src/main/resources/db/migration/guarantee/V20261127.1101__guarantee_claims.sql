-- Claims (索赔) on bid security: the tenderer (beneficiary) files one against a bidder's security with a ground
-- (招标投标法实施条例 Art. 35: withdrawal after the deadline; Art. 74: the winner refuses to sign), staff of the region
-- decide, an approved claim on a guarantee goes to the issuer's feed until the issuer records what it paid, and an
-- approved claim on cash forfeits the deposit. A security under an open claim is not released.

CREATE TABLE guarantee.claims (
  id                uuid PRIMARY KEY,
  trade_code        text NOT NULL,
  region_code       text NOT NULL,
  form              text NOT NULL CHECK (form IN ('GUARANTEE', 'CASH_DEPOSIT')),
  letter_id         uuid REFERENCES guarantee.letters (id),
  reference         text NOT NULL,
  issuer_id         uuid,
  bidder_id         uuid NOT NULL,
  beneficiary_id    uuid NOT NULL,
  amount            numeric(20,2) NOT NULL CHECK (amount > 0),
  ground            text NOT NULL CHECK (ground IN ('WITHDREW_AFTER_DEADLINE', 'REFUSED_TO_SIGN', 'OTHER')),
  ground_text       text CHECK (length(ground_text) <= 500),
  status            text NOT NULL CHECK (status IN ('FILED', 'APPROVED', 'REJECTED', 'PAID', 'FORFEITED')),
  filed_by          text NOT NULL,
  filed_at          timestamptz NOT NULL,
  decided_by        text,
  decided_at        timestamptz,
  decision_reason   text CHECK (length(decision_reason) <= 500),
  paid_amount       numeric(20,2) CHECK (paid_amount > 0 AND paid_amount <= amount),
  paid_at           timestamptz,
  payment_key       text,
  payment_sha256    text
);
-- One claim in progress per bidder and trade.
CREATE UNIQUE INDEX claims_one_open ON guarantee.claims (trade_code, bidder_id) WHERE status IN ('FILED', 'APPROVED');
CREATE INDEX claims_issuer ON guarantee.claims (issuer_id, status);
ALTER TABLE guarantee.claims ENABLE ROW LEVEL SECURITY;
ALTER TABLE guarantee.claims FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON guarantee.claims
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));

-- A claimed guarantee is neither in force nor released; a forfeited deposit is neither held nor refunded.
ALTER TABLE guarantee.letters DROP CONSTRAINT letters_status_check;
ALTER TABLE guarantee.letters ADD CONSTRAINT letters_status_check CHECK (status IN ('VALID', 'RELEASED', 'CLAIMED'));
ALTER TABLE guarantee.deposit_arrivals ADD COLUMN forfeited_at timestamptz;
GRANT UPDATE (forfeited_at) ON guarantee.deposit_arrivals TO ${app_role};

GRANT SELECT, INSERT, UPDATE ON guarantee.claims TO ${app_role};
