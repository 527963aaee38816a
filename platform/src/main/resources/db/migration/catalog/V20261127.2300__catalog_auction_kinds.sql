-- Issue 7: besides the English (增价) auction, a Dutch (降价) auction and a one-shot sealed-price round (一次报价).
-- Which one a listing gets is part of its category's procedure template, as data:
--   auction_kind            ENGLISH (default), DUTCH or SEALED;
--   dutch_step_seconds      DUTCH: the price steps down by the listing's decrement every so many seconds;
--   dutch_floor_percent     DUTCH: the floor (the listing's reserve, below which nothing is sold) may not be set
--                           lower than this percentage of the starting price;
--   sealed_window_minutes   SEALED: how long the one-shot round takes prices.
ALTER TABLE catalog.procedure_templates
  ADD COLUMN auction_kind text NOT NULL DEFAULT 'ENGLISH' CHECK (auction_kind IN ('ENGLISH', 'DUTCH', 'SEALED')),
  ADD COLUMN dutch_step_seconds integer CHECK (dutch_step_seconds BETWEEN 10 AND 86400),
  ADD COLUMN dutch_floor_percent integer CHECK (dutch_floor_percent BETWEEN 1 AND 100),
  ADD COLUMN sealed_window_minutes integer CHECK (sealed_window_minutes BETWEEN 1 AND 43200),
  ADD CONSTRAINT auction_kind_settings CHECK (
    (auction_kind <> 'DUTCH' OR (dutch_step_seconds IS NOT NULL AND dutch_floor_percent IS NOT NULL))
    AND (auction_kind <> 'SEALED' OR sealed_window_minutes IS NOT NULL));

-- The kinds the reference categories start with. Categories are loaded from reference data at the first start (after
-- this migration), so their first template takes its kind from here; a database that already has the categories gets
-- a new template version below (listings already submitted keep the version they started under).
CREATE TABLE catalog.auction_formats (
  category_code          text PRIMARY KEY,
  auction_kind           text NOT NULL CHECK (auction_kind IN ('ENGLISH', 'DUTCH', 'SEALED')),
  dutch_step_seconds     integer,
  dutch_floor_percent    integer,
  sealed_window_minutes  integer
);
GRANT SELECT ON catalog.auction_formats TO ${app_role};

-- 罚没物资处置: confiscated goods are sold by a Dutch auction stepping down every minute, down to half the start at most.
-- 特许经营权及公共资源有偿使用: concessions take one sealed price from each bidder in a one-hour window.
INSERT INTO catalog.auction_formats VALUES
  ('CONFISCATED_GOODS', 'DUTCH', 60, 50, NULL),
  ('PUBLIC_CONCESSION', 'SEALED', NULL, NULL, 60);

INSERT INTO catalog.procedure_templates (category_code, version, procedure, bid_period_days, document_availability_days,
  amendment_notice_days, objection_deadline_days, objection_answer_days, candidate_publicity_days,
  decryption_window_minutes, listing_period_days, listing_in_working_days, countdown_minutes, min_bids,
  prequalification, auction, evaluation_method, security_max_percent, effective_from, revised_by, reason,
  backup_decryption, auction_kind, dutch_step_seconds, dutch_floor_percent, sealed_window_minutes)
SELECT t.category_code, t.version + 1, t.procedure, t.bid_period_days, t.document_availability_days,
  t.amendment_notice_days, t.objection_deadline_days, t.objection_answer_days, t.candidate_publicity_days,
  t.decryption_window_minutes, t.listing_period_days, t.listing_in_working_days, t.countdown_minutes, t.min_bids,
  t.prequalification, t.auction, t.evaluation_method, t.security_max_percent, now(), 'system',
  'issue 7: ' || f.auction_kind || ' auction', t.backup_decryption, f.auction_kind, f.dutch_step_seconds,
  f.dutch_floor_percent, f.sealed_window_minutes
FROM catalog.procedure_templates t
JOIN catalog.auction_formats f ON f.category_code = t.category_code
WHERE t.version = (SELECT max(version) FROM catalog.procedure_templates c WHERE c.category_code = t.category_code)
  AND t.auction;
