-- Issue 25: sessions live in PostgreSQL (Spring Session JDBC 4.0.4, its schema-postgresql.sql in the system schema),
-- so a sign-in on one node is known to every node and survives the node's restart or death. The application reads and
-- writes them; spring.session.jdbc.table-name names system.spring_session. Expired sessions are deleted by the
-- repository's own cleanup (every node runs it; the delete is idempotent).
CREATE TABLE system.spring_session (
  primary_id            char(36) NOT NULL,
  session_id            char(36) NOT NULL,
  creation_time         bigint NOT NULL,
  last_access_time      bigint NOT NULL,
  max_inactive_interval int NOT NULL,
  expiry_time           bigint NOT NULL,
  principal_name        varchar(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON system.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON system.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON system.spring_session (principal_name);

CREATE TABLE system.spring_session_attributes (
  session_primary_id char(36) NOT NULL,
  attribute_name     varchar(200) NOT NULL,
  attribute_bytes    bytea NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES system.spring_session (primary_id) ON DELETE CASCADE
);
GRANT SELECT, INSERT, UPDATE, DELETE ON system.spring_session, system.spring_session_attributes TO ${app_role};
