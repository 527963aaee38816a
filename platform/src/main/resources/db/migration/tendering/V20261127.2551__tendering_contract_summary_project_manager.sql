-- The contract's main content (合同主要内容, dataset 512), summarised by the tenderer's side when it uploads the contract.
-- Contracts uploaded before have none: NULL, reported missing by the uplink.
ALTER TABLE tendering.contracts ADD COLUMN summary text
  CHECK (summary IS NULL OR length(summary) BETWEEN 10 AND 2000);

-- The project manager (项目负责人) a registered bidder states for the section, outside its sealed bid, and that
-- person's resident ID number (dataset 513 项目负责人身份证号码; shown masked everywhere, sent in full to the national
-- platform only). Changed until the bid deadline.
ALTER TABLE tendering.interests ADD COLUMN manager_name text CHECK (manager_name IS NULL OR length(manager_name) BETWEEN 2 AND 30),
  ADD COLUMN manager_id_number text CHECK (manager_id_number IS NULL OR manager_id_number ~ '^[0-9]{17}[0-9X]$'),
  ADD COLUMN manager_stated_by text,
  ADD COLUMN manager_stated_at timestamptz;
GRANT UPDATE (manager_name, manager_id_number, manager_stated_by, manager_stated_at) ON tendering.interests TO ${app_role};
