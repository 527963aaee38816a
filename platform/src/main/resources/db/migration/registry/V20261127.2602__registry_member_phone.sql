-- A member account's own phone (投标操作人联系方式, dataset 507: the phone of the member who submitted a bid). The
-- member states it; members added before have none: NULL, reported missing by the uplink until they state it.
ALTER TABLE registry.members ADD COLUMN phone text
  CHECK (phone IS NULL OR phone ~ '^[0-9+ -]{7,20}$');
GRANT UPDATE (phone) ON registry.members TO ${app_role};
