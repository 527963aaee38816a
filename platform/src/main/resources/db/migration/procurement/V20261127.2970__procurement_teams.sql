-- The negotiation, consultation or quotation team of a case (政府采购法 第三十八条第一项, 第四十条第一项): the
-- purchaser's representatives named here, the experts drawn from the expert pool by evaluation's verifiable draw
-- (实施条例 第三十九条), referenced by its id. Together an odd number of at least three, experts at least two thirds.
-- A draw that ran out of experts (EXHAUSTED) is replaced by a new one: the row is updated, the old draw stays on record.
CREATE TABLE procurement.teams (
  case_id               uuid PRIMARY KEY REFERENCES procurement.cases (id),
  region_code           text NOT NULL,
  draw_id               uuid NOT NULL UNIQUE,
  representatives       text[] NOT NULL DEFAULT '{}',
  experts               int NOT NULL CHECK (experts >= 2),
  evaluation_at         timestamptz NOT NULL,
  requested_by          text NOT NULL,
  requested_at          timestamptz NOT NULL,
  CHECK ((cardinality(representatives) + experts) % 2 = 1),
  CHECK ((cardinality(representatives) + experts) >= 3),
  CHECK (experts * 3 >= (cardinality(representatives) + experts) * 2)
);
ALTER TABLE procurement.teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE procurement.teams FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON procurement.teams
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON procurement.teams TO ${app_role};
