-- A regulator's signed order carried out on a section (招标投标法实施条例 第八十一条; 政府采购法 第三十六条): a
-- re-tender order ends the section's round as failed by order. decision_ref names the signed act in the supervision
-- module; notice_id the signed public record announcing it.
CREATE TABLE tendering.section_orders (
  id            uuid PRIMARY KEY,
  section_id    uuid NOT NULL REFERENCES tendering.sections (id),
  round         integer NOT NULL,
  region_code   text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('RE_TENDER')),
  reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
  decision_ref  uuid NOT NULL UNIQUE,
  status_before text NOT NULL,
  notice_id     uuid NOT NULL,
  ordered_by    text NOT NULL,
  carried_at    timestamptz NOT NULL
);
CREATE INDEX section_orders_section ON tendering.section_orders (section_id);

ALTER TABLE tendering.section_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.section_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.section_orders USING (system.in_scope(region_code))
  WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON tendering.section_orders TO ${app_role};
