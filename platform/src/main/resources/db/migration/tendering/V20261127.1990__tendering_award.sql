-- Award and contract (中标候选人公示, 异议/投诉, 中标通知书, 合同): one publicity per section and round, its ranked
-- candidates, the objections to the tenderer and complaints to the regulator raised against it, the confirmed winner
-- with the platform-signed award notice PDF, and the contract both parties signed.
CREATE TABLE tendering.award_publicities (
  section_id      uuid NOT NULL REFERENCES tendering.sections (id),
  round           int NOT NULL,
  region_code     text NOT NULL,
  report_id       uuid NOT NULL UNIQUE,
  method          text NOT NULL,
  report_sha256   text NOT NULL,
  report_url      text,
  reported_at     timestamptz NOT NULL,
  publicized_at   timestamptz NOT NULL,
  publicity_ends  timestamptz NOT NULL CHECK (publicity_ends >= publicized_at + interval '3 days'),
  started_late    boolean NOT NULL,
  notice_id       uuid NOT NULL,
  notice_type     text NOT NULL CHECK (notice_type IN ('CANDIDATES', 'FAILED')),
  PRIMARY KEY (section_id, round)
);

CREATE TABLE tendering.award_candidates (
  section_id          uuid NOT NULL REFERENCES tendering.sections (id),
  round               int NOT NULL,
  rank                int NOT NULL CHECK (rank BETWEEN 1 AND 3),
  region_code         text NOT NULL,
  bidder_id           uuid NOT NULL,
  bidder_name         text NOT NULL,
  bidder_credit_code  text,
  price               numeric(20,2),
  score               numeric(10,4),
  PRIMARY KEY (section_id, round, rank),
  UNIQUE (section_id, round, bidder_id)
);

-- OBJECTION: to the tenderer, during publicity, answered within 3 days (实施条例 Art. 54).
-- COMPLAINT: to the regulator after the objection was answered (实施条例 Art. 60); recorded for the supervision module.
CREATE TABLE tendering.award_challenges (
  id              uuid PRIMARY KEY,
  section_id      uuid NOT NULL REFERENCES tendering.sections (id),
  round           int NOT NULL,
  region_code     text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('OBJECTION', 'COMPLAINT')),
  party_id        uuid NOT NULL,
  party_name      text NOT NULL,
  text            text NOT NULL,
  raised_by       text NOT NULL,
  raised_at       timestamptz NOT NULL,
  answer_due      timestamptz,
  answer          text,
  answered_by     text,
  answered_at     timestamptz
);
CREATE INDEX award_challenges_section ON tendering.award_challenges (section_id, round, raised_at);

CREATE TABLE tendering.awards (
  section_id          uuid NOT NULL REFERENCES tendering.sections (id),
  round               int NOT NULL,
  region_code         text NOT NULL,
  winner_id           uuid NOT NULL,
  winner_name         text NOT NULL,
  winner_credit_code  text,
  rank                int NOT NULL,
  price               numeric(20,2),
  reason              text,
  confirmed_by        text NOT NULL,
  confirmed_at        timestamptz NOT NULL,
  notice_id           uuid NOT NULL,
  pdf                 bytea NOT NULL,
  pdf_sha256          text NOT NULL,
  pdf_signature       bytea NOT NULL,
  contract_due        timestamptz NOT NULL,
  PRIMARY KEY (section_id, round),
  CHECK (rank = 1 OR reason IS NOT NULL)
);

-- The contract PDF is a content-addressed blob; each party's detached signature over its exact bytes is kept with the
-- certificate it was checked under.
CREATE TABLE tendering.contracts (
  section_id              uuid NOT NULL REFERENCES tendering.sections (id),
  round                   int NOT NULL,
  region_code             text NOT NULL,
  file_name               text NOT NULL,
  size                    bigint NOT NULL CHECK (size > 0),
  sha256                  text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  sm3                     text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  amount                  numeric(20,2),
  uploaded_by             text NOT NULL,
  uploaded_at             timestamptz NOT NULL,
  tenderer_signature      bytea,
  tenderer_certificate    text,
  tenderer_signer         text,
  tenderer_signed_by      text,
  tenderer_signed_at      timestamptz,
  winner_signature        bytea,
  winner_certificate      text,
  winner_signer           text,
  winner_signed_by        text,
  winner_signed_at        timestamptz,
  concluded_at            timestamptz,
  late                    boolean,
  notice_id               uuid,
  PRIMARY KEY (section_id, round)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['award_publicities', 'award_candidates', 'award_challenges', 'awards', 'contracts'] LOOP
    EXECUTE format('ALTER TABLE tendering.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE tendering.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_scope ON tendering.%I USING (system.in_scope(region_code)) '
                   'WITH CHECK (system.in_scope(region_code))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON tendering.award_publicities, tendering.award_candidates, tendering.awards TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON tendering.award_challenges TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON tendering.contracts TO ${app_role};
