-- A regulator may suspend a section while its candidates are publicized, not only while it takes bids (实施条例
-- 第六十二条: 必要时责令暂停招标投标活动). The phase says which time the suspension holds: the bid deadline, or the
-- publicity's end (deadline_before/deadline_after then hold the publicity's end before and after the resumption).
ALTER TABLE tendering.suspensions ADD COLUMN phase text NOT NULL DEFAULT 'BIDDING'
  CHECK (phase IN ('BIDDING', 'PUBLICITY'));
-- a publicity suspended before its end is given back the time it stood still (the suspension row keeps both ends)
GRANT UPDATE (publicity_ends) ON tendering.award_publicities TO ${app_role};
