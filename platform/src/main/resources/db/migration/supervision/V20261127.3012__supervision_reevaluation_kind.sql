-- Which re-evaluation a regulator orders (issue 19), part of the text it signs: a new lawfully formed committee
-- (实施条例 第七十条/第七十一条) or the original committee re-checking (重庆市招标投标条例 第四十四条). Orders prepared
-- before this have none (they were signed and published, not carried out).
ALTER TABLE supervision.action_acts ADD COLUMN reevaluation text
  CHECK (reevaluation IN ('NEW_COMMITTEE', 'SAME_COMMITTEE'));
ALTER TABLE supervision.action_acts ADD CONSTRAINT action_acts_reevaluation_kind
  CHECK (reevaluation IS NULL OR kind = 'ORDER_RE_EVALUATION');
