-- Issue 25: the node that runs the live auctions' clocks (sweeps the countdowns, decides the bids, beats the
-- heartbeat) holds this lease and renews it every second; another node takes it over once it has expired, resumes the
-- running auctions and extends them by the outage (auction.heartbeat's last beat to the takeover). Times are the
-- database's own clock, the one clock every node shares.
CREATE TABLE auction.clock_lease (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  owner_node  text NOT NULL,
  acquired_at timestamptz NOT NULL,
  renewed_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON auction.clock_lease TO ${app_role};
