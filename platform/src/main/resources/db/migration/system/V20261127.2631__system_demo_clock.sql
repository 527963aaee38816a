-- The demo clock's offset survives a restart (issue 17, item 4): one row, moved forward only. shown_at is the platform
-- time the last move produced; on start the clock reads at least that, even if the host's clock went back meanwhile.
CREATE TABLE system.demo_clock (
  id             boolean PRIMARY KEY DEFAULT true CHECK (id),
  offset_millis  bigint NOT NULL CHECK (offset_millis >= 0),
  shown_at       timestamptz NOT NULL,
  moved_at       timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON system.demo_clock TO ${app_role};
