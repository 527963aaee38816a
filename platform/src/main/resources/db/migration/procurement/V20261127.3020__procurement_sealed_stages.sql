-- Every sealed price in procurement sealed by the supplier (issue 23, second step): a negotiation's or consultation's
-- first offer, a framework's responses (first stage) and a framework re-competition's offers (second stage) join the
-- quotes and final offers of migration 3000 on the supplier-sealed path. One opening key per sealed stage (its private
-- key split among the key custodians), so no key is ever reassembled for one stage while another stage's offers are
-- still sealed to it: a negotiation's first offers and its final offers have two keys.
SET LOCAL yiwang.scope_all = 'on';

-- The opening key of each sealed stage of a subject: a case ('first': quotes or first offers; 'final': final offers), a
-- framework ('response': the unit prices of its responses) or a re-competition order ('recompetition'). A stage with
-- no row here is sealed the old way (pki.SealedValues), as were the records made before this migration.
CREATE TABLE procurement.sealing_keys (
  subject_id            uuid NOT NULL,
  stage                 text NOT NULL CHECK (stage IN ('first', 'final', 'response', 'recompetition')),
  region_code           text NOT NULL,
  opening_key           uuid NOT NULL,
  created_at            timestamptz NOT NULL,
  PRIMARY KEY (subject_id, stage)
);
ALTER TABLE procurement.sealing_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.sealing_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.sealing_keys
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON procurement.sealing_keys TO ${app_role};

-- The cases published under migration 3000 keep what they had: the one key sealed a request for quotations' quotes, or
-- the final offers of a negotiation or consultation (whose first offers stay platform-sealed).
INSERT INTO procurement.sealing_keys (subject_id, stage, region_code, opening_key, created_at)
SELECT id, CASE WHEN method = 'REQUEST_FOR_QUOTATIONS' THEN 'first' ELSE 'final' END, region_code, opening_key,
       coalesce(published_at, submitted_at)
FROM procurement.cases WHERE opening_key IS NOT NULL;
COMMENT ON COLUMN procurement.cases.opening_key IS
  'superseded by procurement.sealing_keys (migration 3020); kept as it was for the cases published under 3000';

-- The supplier-sealed envelopes of every stage in one table: the subject is a case, a framework or an order.
ALTER TABLE procurement.sealed_offers DROP CONSTRAINT sealed_offers_case_id_supplier_id_fkey;
ALTER TABLE procurement.sealed_offers DROP CONSTRAINT sealed_offers_case_id_fkey;
ALTER TABLE procurement.sealed_offers RENAME COLUMN case_id TO subject_id;
ALTER TABLE procurement.sealed_offers ADD COLUMN supplier_name text;
UPDATE procurement.sealed_offers o SET supplier_name = s.supplier_name
FROM procurement.suppliers s WHERE s.case_id = o.subject_id AND s.supplier_id = o.supplier_id;
ALTER TABLE procurement.sealed_offers ALTER COLUMN supplier_name SET NOT NULL;
ALTER TABLE procurement.sealed_offers DROP CONSTRAINT sealed_offers_stage_check;
ALTER TABLE procurement.sealed_offers ADD CONSTRAINT sealed_offers_stage_check
  CHECK (stage IN ('first', 'final', 'response', 'recompetition'));

-- A framework response or re-competition offer sealed by the supplier has no platform-sealed price; an open
-- framework's member accepts the fixed price, which is no secret.
ALTER TABLE procurement.framework_suppliers ALTER COLUMN price_sealed DROP NOT NULL;
ALTER TABLE procurement.framework_offers ALTER COLUMN price_sealed DROP NOT NULL;

-- How many times an open framework's member list changed: each change is a portal record of its own.
ALTER TABLE procurement.open_frameworks ADD COLUMN member_lists int NOT NULL DEFAULT 0 CHECK (member_lists >= 0);
