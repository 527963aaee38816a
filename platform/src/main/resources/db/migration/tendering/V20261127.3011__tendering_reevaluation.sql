-- A re-evaluation order (责令重新评标, issue 19): the round's candidates' publicity is withdrawn (kept, marked, with the
-- order) and the round is evaluated again as attempt 2, 3, ...; the publicity, its candidates, objections and the
-- award carry the attempt they follow. Rows from before are attempt 1.
ALTER TABLE tendering.award_publicities ADD COLUMN attempt int NOT NULL DEFAULT 1 CHECK (attempt >= 1);
ALTER TABLE tendering.award_publicities ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE tendering.award_publicities ADD COLUMN withdrawn_by uuid;
ALTER TABLE tendering.award_publicities ADD COLUMN withdrawal_notice uuid;
ALTER TABLE tendering.award_publicities DROP CONSTRAINT award_publicities_pkey;
ALTER TABLE tendering.award_publicities ADD PRIMARY KEY (section_id, round, attempt);
GRANT UPDATE (withdrawn_at, withdrawn_by, withdrawal_notice) ON tendering.award_publicities TO ${app_role};

ALTER TABLE tendering.award_candidates ADD COLUMN attempt int NOT NULL DEFAULT 1 CHECK (attempt >= 1);
ALTER TABLE tendering.award_candidates DROP CONSTRAINT award_candidates_pkey;
ALTER TABLE tendering.award_candidates DROP CONSTRAINT award_candidates_section_id_round_bidder_id_key;
ALTER TABLE tendering.award_candidates ADD PRIMARY KEY (section_id, round, attempt, rank);
ALTER TABLE tendering.award_candidates ADD CONSTRAINT award_candidates_bidder UNIQUE (section_id, round, attempt, bidder_id);

ALTER TABLE tendering.award_challenges ADD COLUMN attempt int NOT NULL DEFAULT 1 CHECK (attempt >= 1);
ALTER TABLE tendering.awards ADD COLUMN attempt int NOT NULL DEFAULT 1 CHECK (attempt >= 1);

ALTER TABLE tendering.section_orders DROP CONSTRAINT section_orders_kind_check;
ALTER TABLE tendering.section_orders ADD CONSTRAINT section_orders_kind_check CHECK (kind IN ('RE_TENDER', 'RE_EVALUATION'));
ALTER TABLE tendering.section_orders ADD COLUMN attempt int;
ALTER TABLE tendering.section_orders ADD CONSTRAINT section_orders_attempt CHECK ((kind = 'RE_EVALUATION') = (attempt IS NOT NULL));
