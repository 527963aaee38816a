-- At a listing's result (auction or agreement) the buyer's security is applied to the price: a cash deposit counts
-- towards it (up to the price) and is not refunded; an e-guarantee letter is not money, nothing is applied and it stays
-- in force until the contract. `due` is what the buyer still pays. One row per sold listing; insert-only.
CREATE TABLE auction.price_settlements (
  listing_id            uuid PRIMARY KEY REFERENCES auction.listings (id),
  region_code           text NOT NULL,
  buyer_id              uuid NOT NULL,
  price                 numeric(20,2) NOT NULL CHECK (price > 0),
  security_form         text CHECK (security_form IN ('GUARANTEE', 'CASH_DEPOSIT')),
  security_reference    text,
  security_amount       numeric(20,2) NOT NULL CHECK (security_amount >= 0),
  applied               numeric(20,2) NOT NULL CHECK (applied >= 0 AND applied <= price),
  due                   numeric(20,2) NOT NULL CHECK (due = price - applied),
  recorded_at           timestamptz NOT NULL,
  CHECK (security_form = 'CASH_DEPOSIT' OR applied = 0)
);
ALTER TABLE auction.price_settlements ENABLE ROW LEVEL SECURITY;
ALTER TABLE auction.price_settlements FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON auction.price_settlements
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON auction.price_settlements TO ${app_role};
