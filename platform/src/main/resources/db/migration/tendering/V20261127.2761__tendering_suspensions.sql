-- A regulator's order suspending a section's procedure (招标投标法实施条例 Art. 62; 政府采购法 Art. 57). While one
-- is active the section's clock stands still like during an open objection; on resume the deadline moves on by the
-- time it stood. decision_ref names the regulator's signed act in the supervision module.
CREATE TABLE tendering.suspensions (
  id              uuid PRIMARY KEY,
  section_id      uuid NOT NULL REFERENCES tendering.sections (id),
  region_code     text NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  decision_ref    uuid NOT NULL,
  suspended_by    text NOT NULL,
  suspended_at    timestamptz NOT NULL,
  deadline_before timestamptz NOT NULL,
  resumed_by      text,
  resumed_at      timestamptz,
  resume_ref      uuid,
  deadline_after  timestamptz,
  CHECK ((resumed_at IS NULL) = (resumed_by IS NULL))
);
CREATE UNIQUE INDEX suspensions_one_active ON tendering.suspensions (section_id) WHERE resumed_at IS NULL;

ALTER TABLE tendering.suspensions ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.suspensions FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.suspensions USING (system.in_scope(region_code))
  WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON tendering.suspensions TO ${app_role};
