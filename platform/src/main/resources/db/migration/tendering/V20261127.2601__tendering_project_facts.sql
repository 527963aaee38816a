-- What the national data specification asks of the project (500 项目) and the tender project (501 招标项目) that the
-- platform did not ask at registration before: the project's own code (项目编号, numbered per region and year like the
-- tender project's), address, legal person, industry (GB/T 4754-2017 门类), source of funds, scale and the name of the
-- approval document; whether the tender is one the law requires (依法必须招标), its type (工程/货物/服务), its content
-- and scope, and the supervising and approving departments. Tender projects registered before have none: NULL,
-- reported missing by the uplink, never made up afterwards.
ALTER TABLE tendering.tender_projects
  ADD COLUMN project_code text UNIQUE,
  ADD COLUMN project_address text CHECK (project_address IS NULL OR length(project_address) BETWEEN 2 AND 200),
  ADD COLUMN legal_person text CHECK (legal_person IS NULL OR length(legal_person) BETWEEN 2 AND 200),
  ADD COLUMN industry text CHECK (industry IS NULL OR industry ~ '^[A-T]$'),
  ADD COLUMN funding_source text CHECK (funding_source IS NULL
    OR funding_source IN ('FISCAL', 'STATE_ENTERPRISE_OWN', 'STATE_FINANCING', 'PRIVATE', 'FOREIGN_LOAN')),
  ADD COLUMN funding_remark text CHECK (funding_remark IS NULL OR length(funding_remark) <= 200),
  ADD COLUMN project_scale text CHECK (project_scale IS NULL OR length(project_scale) BETWEEN 2 AND 500),
  ADD COLUMN approval_document text CHECK (approval_document IS NULL OR length(approval_document) BETWEEN 2 AND 200),
  ADD COLUMN must_tender boolean,
  ADD COLUMN tender_type text CHECK (tender_type IS NULL OR tender_type IN ('WORKS', 'GOODS', 'SERVICES')),
  ADD COLUMN tender_scope text CHECK (tender_scope IS NULL OR length(tender_scope) BETWEEN 10 AND 2000),
  ADD COLUMN supervisor_name text CHECK (supervisor_name IS NULL OR length(supervisor_name) BETWEEN 2 AND 100),
  ADD COLUMN approver_name text CHECK (approver_name IS NULL OR length(approver_name) BETWEEN 2 AND 100);

-- The next project number per region and year (项目编号 CQ-500103-2026-XM0017).
CREATE TABLE tendering.project_sequences (
  region_code   text NOT NULL,
  year          int NOT NULL,
  last_value    int NOT NULL,
  PRIMARY KEY (region_code, year)
);
ALTER TABLE tendering.project_sequences ENABLE ROW LEVEL SECURITY;
ALTER TABLE tendering.project_sequences FORCE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON tendering.project_sequences USING (system.in_scope(region_code))
  WITH CHECK (system.in_scope(region_code));
GRANT SELECT, INSERT, UPDATE ON tendering.project_sequences TO ${app_role};

-- The certificate the stated project manager holds for the work (项目负责人相关证书和编号, dataset 507), e.g.
-- 一级注册建造师 渝150…; stated with the manager until the bid deadline. Statements made before have none.
ALTER TABLE tendering.interests
  ADD COLUMN manager_certificate text CHECK (manager_certificate IS NULL OR length(manager_certificate) BETWEEN 2 AND 50),
  ADD COLUMN manager_certificate_number text
    CHECK (manager_certificate_number IS NULL OR length(manager_certificate_number) BETWEEN 4 AND 40);
GRANT UPDATE (manager_certificate, manager_certificate_number) ON tendering.interests TO ${app_role};
