-- The application acts as ${app_role}: it owns no table, so the forced row-level security of every
-- region-scoped table binds it. The migrating user (the owner) may switch to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
    CREATE ROLE ${app_role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;
GRANT ${app_role} TO CURRENT_USER;

CREATE SCHEMA IF NOT EXISTS system;
GRANT USAGE ON SCHEMA system TO ${app_role};

-- The region scope of the current transaction, as ScopedTransactionManager sets it. No scope, no rows.
CREATE OR REPLACE FUNCTION system.in_scope(region text) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE AS
$$
  SELECT coalesce(current_setting('yiwang.scope_all', true) = 'on', false)
      OR coalesce(region = ANY (string_to_array(current_setting('yiwang.scope_regions', true), ',')), false)
$$;
GRANT EXECUTE ON FUNCTION system.in_scope(text) TO ${app_role};

-- Spring Modulith's event publication registry (DDL from spring-modulith-events-jdbc 2.0.3, schemas/v2).
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO ${app_role};
