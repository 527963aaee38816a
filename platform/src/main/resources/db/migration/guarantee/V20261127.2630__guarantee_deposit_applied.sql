-- A winner's cash deposit applied to the price (竞得人保证金抵作价款) is neither refunded nor forfeited: the part
-- applied is kept on the arrival, so a later release (the contract signed) refunds only what exceeds the price, and
-- refunds + applied + forfeited = received holds for every trade.
ALTER TABLE guarantee.deposit_arrivals ADD COLUMN applied numeric(20,2);
ALTER TABLE guarantee.deposit_arrivals ADD COLUMN applied_at timestamptz;
ALTER TABLE guarantee.deposit_arrivals ADD CONSTRAINT deposit_arrivals_applied
  CHECK ((applied IS NULL) = (applied_at IS NULL) AND (applied IS NULL OR (applied > 0 AND applied <= amount)));
GRANT UPDATE (applied, applied_at) ON guarantee.deposit_arrivals TO ${app_role};

-- An arrival dated after its sub-account's first refund is refused (issue 17, item 3): looked up per report.
CREATE INDEX refunds_account ON guarantee.refunds (account_number, instructed_at);
