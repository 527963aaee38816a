-- Issue 7: the working calendar. Working days are Monday to Friday except the dated exceptions staff keep here:
-- a HOLIDAY is not a working day (the State Council's public holidays, weekday or not); a MAKEUP_WORKDAY is a
-- Saturday or Sunday that is worked in their place (调休). City-wide reference data, so not region-scoped. A year
-- with no row at all has no schedule yet: pages and period computations say so instead of guessing.
CREATE TABLE catalog.calendar_days (
  day        date PRIMARY KEY CHECK (day BETWEEN DATE '2000-01-01' AND DATE '2099-12-31'),
  kind       text NOT NULL CHECK (kind IN ('HOLIDAY', 'MAKEUP_WORKDAY')),
  name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 30),
  added_by   text NOT NULL,
  added_at   timestamptz NOT NULL,
  CHECK (kind <> 'MAKEUP_WORKDAY' OR extract(isodow FROM day) IN (6, 7))
);
GRANT SELECT, INSERT, DELETE ON catalog.calendar_days TO ${app_role};

-- 国务院办公厅关于2026年部分节假日安排的通知.
INSERT INTO catalog.calendar_days (day, kind, name, added_by, added_at)
SELECT d::date, 'HOLIDAY', h.name, 'system', now()
FROM (VALUES
  ('元旦', DATE '2026-01-01', DATE '2026-01-03'),
  ('春节', DATE '2026-02-15', DATE '2026-02-23'),
  ('清明节', DATE '2026-04-04', DATE '2026-04-06'),
  ('劳动节', DATE '2026-05-01', DATE '2026-05-05'),
  ('端午节', DATE '2026-06-19', DATE '2026-06-21'),
  ('中秋节', DATE '2026-09-25', DATE '2026-09-27'),
  ('国庆节', DATE '2026-10-01', DATE '2026-10-07')) AS h (name, first_day, last_day),
  generate_series(h.first_day, h.last_day, INTERVAL '1 day') AS d;

INSERT INTO catalog.calendar_days (day, kind, name, added_by, added_at) VALUES
  (DATE '2026-01-04', 'MAKEUP_WORKDAY', '元旦调休上班', 'system', now()),
  (DATE '2026-02-14', 'MAKEUP_WORKDAY', '春节调休上班', 'system', now()),
  (DATE '2026-02-28', 'MAKEUP_WORKDAY', '春节调休上班', 'system', now()),
  (DATE '2026-05-09', 'MAKEUP_WORKDAY', '劳动节调休上班', 'system', now()),
  (DATE '2026-09-20', 'MAKEUP_WORKDAY', '国庆节调休上班', 'system', now()),
  (DATE '2026-10-10', 'MAKEUP_WORKDAY', '国庆节调休上班', 'system', now());
