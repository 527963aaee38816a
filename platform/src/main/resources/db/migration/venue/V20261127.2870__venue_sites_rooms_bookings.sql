CREATE SCHEMA IF NOT EXISTS venue;
GRANT USAGE ON SCHEMA venue TO ${app_role};

-- btree_gist lets one GiST index compare the room (equality) and the time range (overlap) together, so the database
-- itself refuses a double booking. It is a trusted extension (PostgreSQL 13+): the database owner, which runs the
-- migrations, may create it without being a superuser (docs/operations.md).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A venue site (场地) of the city or a district: its address and daily opening hours (Beijing time). Days the working
-- calendar (catalog) does not count as working days are closed; closures add days closed for other reasons.
CREATE TABLE venue.sites (
  id                    uuid PRIMARY KEY,
  region_code           text NOT NULL,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  address               text NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  opens_at              time NOT NULL,
  closes_at             time NOT NULL,
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL,
  CHECK (opens_at < closes_at),
  UNIQUE (region_code, name)
);
ALTER TABLE venue.sites ENABLE ROW LEVEL SECURITY;
ALTER TABLE venue.sites FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON venue.sites
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON venue.sites TO ${app_role};

-- A room of a site: its kind, seats, equipment, and the set-up and clean-up time every booking of it keeps free.
CREATE TABLE venue.rooms (
  id                    uuid PRIMARY KEY,
  site_id               uuid NOT NULL REFERENCES venue.sites (id),
  region_code           text NOT NULL,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  kind                  text NOT NULL CHECK (kind IN ('OPENING_HALL', 'EVALUATION_ROOM', 'NEGOTIATION_ROOM', 'AUCTION_ROOM')),
  seats                 int NOT NULL CHECK (seats BETWEEN 1 AND 1000),
  equipment             text[] NOT NULL,
  setup_minutes         int NOT NULL CHECK (setup_minutes BETWEEN 0 AND 240),
  cleanup_minutes       int NOT NULL CHECK (cleanup_minutes BETWEEN 0 AND 240),
  created_at            timestamptz NOT NULL,
  UNIQUE (site_id, name)
);
CREATE INDEX rooms_region_kind ON venue.rooms (region_code, kind);
ALTER TABLE venue.rooms ENABLE ROW LEVEL SECURITY;
ALTER TABLE venue.rooms FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON venue.rooms
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON venue.rooms TO ${app_role};

-- Days a site is closed although the working calendar counts them (maintenance, an event).
CREATE TABLE venue.closures (
  site_id               uuid NOT NULL REFERENCES venue.sites (id),
  region_code           text NOT NULL,
  day                   date NOT NULL,
  reason                text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  closed_by             text NOT NULL,
  PRIMARY KEY (site_id, day)
);
ALTER TABLE venue.closures ENABLE ROW LEVEL SECURITY;
ALTER TABLE venue.closures FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON venue.closures
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, DELETE ON venue.closures TO ${app_role};

-- A booking of a room. occupied = [starts_at - set-up, ends_at + clean-up): the exclusion constraint refuses two
-- active bookings of one room whose occupied ranges overlap, whoever writes them and whatever scope they see.
-- A remote evaluation (远程异地评标) is two bookings of one group, a MAIN and a SECONDARY room, written together.
CREATE TABLE venue.bookings (
  id                    uuid PRIMARY KEY,
  room_id               uuid NOT NULL REFERENCES venue.rooms (id),
  site_id               uuid NOT NULL REFERENCES venue.sites (id),
  region_code           text NOT NULL,
  purpose               text NOT NULL CHECK (purpose IN ('OPENING', 'EVALUATION', 'REMOTE_EVALUATION', 'NEGOTIATION', 'AUCTION', 'OTHER')),
  reference             text,
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at             timestamptz NOT NULL,
  ends_at               timestamptz NOT NULL,
  occupied              tstzrange NOT NULL,
  group_id              uuid NOT NULL,
  group_role            text NOT NULL CHECK (group_role IN ('SINGLE', 'MAIN', 'SECONDARY')),
  status                text NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
  booked_by             text NOT NULL,
  booked_at             timestamptz NOT NULL,
  CHECK (starts_at < ends_at),
  CHECK (lower(occupied) <= starts_at AND upper(occupied) >= ends_at),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, occupied WITH &&) WHERE (status = 'ACTIVE')
);
CREATE INDEX bookings_reference ON venue.bookings (reference, purpose) WHERE status = 'ACTIVE';
CREATE INDEX bookings_site_time ON venue.bookings (site_id, starts_at);
CREATE INDEX bookings_group ON venue.bookings (group_id);
ALTER TABLE venue.bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE venue.bookings FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON venue.bookings
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON venue.bookings TO ${app_role};

-- The roster of an evaluation (a booking group): each expert seated in one of the group's rooms, the one-time
-- check-in code (kept only as its SHA-256, usable once until it expires), and the phone-free period (phone handed in
-- at check-in, returned at check-out).
CREATE TABLE venue.roster (
  group_id              uuid NOT NULL,
  username              text NOT NULL CHECK (length(username) BETWEEN 1 AND 80),
  booking_id            uuid NOT NULL REFERENCES venue.bookings (id),
  region_code           text NOT NULL,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  certificate_sha256    text CHECK (certificate_sha256 ~ '^[0-9a-f]{64}$'),
  code_sha256           text,
  code_expires_at       timestamptz,
  checked_in_at         timestamptz,
  checked_out_at        timestamptz,
  PRIMARY KEY (group_id, username)
);
ALTER TABLE venue.roster ENABLE ROW LEVEL SECURITY;
ALTER TABLE venue.roster FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON venue.roster
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON venue.roster TO ${app_role};

-- Every entry, exit and refused attempt at an evaluation room's door; never changed.
CREATE TABLE venue.access_log (
  id                    uuid PRIMARY KEY,
  booking_id            uuid NOT NULL REFERENCES venue.bookings (id),
  region_code           text NOT NULL,
  username              text NOT NULL,
  action                text NOT NULL CHECK (action IN ('CHECK_IN', 'CHECK_OUT', 'REFUSED')),
  reason                text,
  recorded_by           text NOT NULL,
  at                    timestamptz NOT NULL
);
CREATE INDEX access_log_booking ON venue.access_log (booking_id, at);
ALTER TABLE venue.access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE venue.access_log FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON venue.access_log
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON venue.access_log TO ${app_role};
