-- The entity's e-mail address, which tender notices and the national data specification (dataset 503, 招标人电子邮箱)
-- state. Entities registered before have none: NULL, shown as missing in the uplink until a member fills it in.
ALTER TABLE registry.entities ADD COLUMN email text
  CHECK (email IS NULL OR (length(email) <= 100 AND email ~ '^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$'));
