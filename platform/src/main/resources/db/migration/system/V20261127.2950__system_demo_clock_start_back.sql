-- The demo clock may start behind real time on a fresh demo database (issue 18, brief D: the demo city seeds a year of
-- tenders each at its own month's time, then moves the clock forward to real time). The offset may therefore be
-- negative while the demo seeds, never more than 400 days (DemoClock.MAX_STEP); it still only grows.
ALTER TABLE system.demo_clock DROP CONSTRAINT demo_clock_offset_millis_check;
ALTER TABLE system.demo_clock ADD CONSTRAINT demo_clock_offset_millis_check
  CHECK (offset_millis >= -400 * 24 * 3600 * 1000::bigint);
