-- The national data specification (v4) export of each public record: its dataset, the fields the portal could
-- fill, the required ones it could not, and where the uplink to the national platform stands. A record missing a
-- required field is INCOMPLETE and never sent; PENDING ones are sent by the scheduled uplink, retried with backoff
-- (FAILED after the last attempt), SENT with the receiver's receipt.
CREATE TABLE portal.uplink (
  record_id        uuid PRIMARY KEY REFERENCES portal.records (id),
  dataset          text NOT NULL,
  payload          jsonb NOT NULL,
  missing_fields   text[] NOT NULL DEFAULT '{}',
  status           text NOT NULL CHECK (status IN ('INCOMPLETE', 'PENDING', 'SENT', 'FAILED')),
  attempts         int NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  last_error       text,
  receipt          text,
  sent_at          timestamptz,
  created_at       timestamptz NOT NULL
);
CREATE INDEX uplink_due ON portal.uplink (next_attempt_at) WHERE status = 'PENDING';
GRANT SELECT, INSERT, UPDATE ON portal.uplink TO ${app_role};

-- The local stand-in for the national platform's receiving endpoint (demo and tests): what it accepted.
CREATE TABLE portal.uplink_received (
  receipt      text PRIMARY KEY,
  dataset      text NOT NULL,
  payload      jsonb NOT NULL,
  received_at  timestamptz NOT NULL
);
GRANT SELECT, INSERT ON portal.uplink_received TO ${app_role};
