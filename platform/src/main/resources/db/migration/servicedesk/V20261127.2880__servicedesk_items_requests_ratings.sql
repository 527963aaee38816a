-- The service desk's schema: the items the center serves (事项清单), each request with its timer in working days,
-- its documents, the user's satisfaction rating (好差评) and the rectification a bad rating opens.
CREATE SCHEMA IF NOT EXISTS servicedesk;
GRANT USAGE ON SCHEMA servicedesk TO ${app_role};

-- The list of service items, city-wide, kept by city staff: the time limit the center commits to (working days) and
-- the documents a user brings. Items marked automatic are counted from the other modules' own steps (a registration
-- review, a refund) rather than filed by hand.
CREATE TABLE servicedesk.items (
  code              text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
  name_zh           text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
  name_en           text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
  time_limit_days   int NOT NULL CHECK (time_limit_days BETWEEN 1 AND 60),
  documents_zh      text NOT NULL CHECK (length(documents_zh) BETWEEN 1 AND 1000),
  documents_en      text NOT NULL CHECK (length(documents_en) BETWEEN 1 AND 1000),
  automatic         boolean NOT NULL,
  position          int NOT NULL,
  revised_by        text,
  revised_at        timestamptz
);
GRANT SELECT, UPDATE ON servicedesk.items TO ${app_role};

-- The standard items. Complaint intake: the regulator decides acceptance within 3 working days (招标投标法实施条例
-- 第六十一条); the others are the center's own commitments, which city staff may shorten or lengthen.
INSERT INTO servicedesk.items (code, name_zh, name_en, time_limit_days, documents_zh, documents_en, automatic, position) VALUES
  ('ENTITY_REGISTRATION', '市场主体注册审核', 'Market entity registration review', 3,
   '营业执照（或身份证明）；法定代表人身份证明；授权委托书', 'Business licence (or identity document); legal representative''s identity document; power of attorney', true, 1),
  ('CERTIFICATE_BINDING', '数字证书绑定审核', 'Certificate binding review', 2,
   '数字证书（公钥证书文件）；证书绑定申请表', 'Digital certificate (public certificate file); binding application form', true, 2),
  ('DEPOSIT_REFUND', '投标保证金退还', 'Bid security (deposit) refund', 5,
   '保证金缴纳凭证；退还账户信息', 'Deposit payment voucher; account to refund to', true, 3),
  ('COMPLAINT_INTAKE', '投诉受理', 'Complaint intake', 3,
   '投诉书；有关证明材料', 'Letter of complaint; supporting evidence', true, 4),
  ('VENUE_BOOKING', '非依法必须交易项目场地预约', 'Venue booking for a private project', 2,
   '场地使用申请表；项目说明', 'Venue application form; project description', false, 5),
  ('ARCHIVE_COPY', '交易档案查阅复制', 'Transaction archive copy', 5,
   '查阅申请表；身份证明；授权委托书', 'Application form; identity document; power of attorney', false, 6),
  ('TRADE_CERTIFICATE', '交易见证书出具', 'Transaction witness certificate', 3,
   '出具申请表；中标（成交）通知书', 'Application form; notice of award', false, 7);

CREATE SEQUENCE servicedesk.request_numbers;
GRANT USAGE ON SEQUENCE servicedesk.request_numbers TO ${app_role};

-- A request: filed on the web by a signed-in user, at the counter by staff for a walk-in, or opened automatically by
-- another module's step (source_ref names it). due_on is the last working day of the item's limit, counted from the
-- day after filing by the working calendar; warn_on is the day the request is escalated if still open.
CREATE TABLE servicedesk.requests (
  id                uuid PRIMARY KEY,
  number            text NOT NULL UNIQUE,
  region_code       text NOT NULL,
  item_code         text NOT NULL REFERENCES servicedesk.items (code),
  channel           text NOT NULL CHECK (channel IN ('WEB', 'COUNTER', 'AUTOMATIC')),
  subject           text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  detail            text CHECK (length(detail) <= 2000),
  requester         text,
  requester_name    text NOT NULL CHECK (length(requester_name) BETWEEN 1 AND 100),
  source_ref        text,
  filed_by          text NOT NULL,
  filed_at          timestamptz NOT NULL,
  filed_on          date NOT NULL,
  due_on            date NOT NULL,
  warn_on           date NOT NULL,
  time_limit_days   int NOT NULL,
  assignee          text,
  status            text NOT NULL CHECK (status IN ('OPEN', 'DONE')),
  escalated_at      timestamptz,
  finished_at       timestamptz,
  finished_on       date,
  finished_by       text,
  outcome           text CHECK (length(outcome) <= 1000),
  working_days      int,
  within_limit      boolean,
  placeholder       boolean NOT NULL DEFAULT false,
  version           bigint NOT NULL DEFAULT 0,
  UNIQUE (source_ref, filed_at),
  CHECK ((status = 'DONE') = (finished_at IS NOT NULL))
);
CREATE INDEX requests_region_status ON servicedesk.requests (region_code, status);
CREATE INDEX requests_requester ON servicedesk.requests (requester);
CREATE INDEX requests_source ON servicedesk.requests (source_ref);
CREATE INDEX requests_finished ON servicedesk.requests (finished_on);
ALTER TABLE servicedesk.requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE servicedesk.requests FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON servicedesk.requests
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON servicedesk.requests TO ${app_role};

-- The documents handed in with a request: content-addressed files on disk (SHA-256), listed here.
CREATE TABLE servicedesk.documents (
  id                uuid PRIMARY KEY,
  request_id        uuid NOT NULL REFERENCES servicedesk.requests (id),
  region_code       text NOT NULL,
  file_name         text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  size              bigint NOT NULL CHECK (size >= 0),
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by       text NOT NULL,
  uploaded_at       timestamptz NOT NULL
);
CREATE INDEX documents_request ON servicedesk.documents (request_id);
ALTER TABLE servicedesk.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE servicedesk.documents FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON servicedesk.documents
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON servicedesk.documents TO ${app_role};

-- The user's rating of a finished request (好差评), one per request; staff is who finished it.
CREATE TABLE servicedesk.ratings (
  request_id        uuid PRIMARY KEY REFERENCES servicedesk.requests (id),
  region_code       text NOT NULL,
  level             text NOT NULL CHECK (level IN ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED',
                                                   'DISSATISFIED', 'VERY_DISSATISFIED')),
  reasons           text[] NOT NULL,
  comment           text CHECK (length(comment) <= 500),
  staff             text,
  rated_by          text NOT NULL,
  rated_at          timestamptz NOT NULL
);
CREATE INDEX ratings_staff ON servicedesk.ratings (staff);
ALTER TABLE servicedesk.ratings ENABLE ROW LEVEL SECURITY;
ALTER TABLE servicedesk.ratings FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON servicedesk.ratings
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT ON servicedesk.ratings TO ${app_role};

-- The rectification a bad rating opens (差评整改): a deadline, the staff's reply, and the revisit of the user.
CREATE TABLE servicedesk.rectifications (
  request_id        uuid PRIMARY KEY REFERENCES servicedesk.requests (id),
  region_code       text NOT NULL,
  opened_at         timestamptz NOT NULL,
  due_on            date NOT NULL,
  status            text NOT NULL CHECK (status IN ('OPEN', 'REPLIED', 'CLOSED')),
  reply             text CHECK (length(reply) <= 2000),
  replied_by        text,
  replied_at        timestamptz,
  revisit           text CHECK (revisit IN ('RESOLVED', 'UNRESOLVED')),
  revisit_note      text CHECK (length(revisit_note) <= 1000),
  revisited_by      text,
  revisited_at      timestamptz,
  version           bigint NOT NULL DEFAULT 0
);
ALTER TABLE servicedesk.rectifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE servicedesk.rectifications FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON servicedesk.rectifications
  USING (system.in_scope(region_code)) WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON servicedesk.rectifications TO ${app_role};
