DROP INDEX merchants_owner;
ALTER TABLE merchants DROP COLUMN owner_user_id;
DROP TABLE auth_attempts;
DROP TABLE auth_sessions;
DROP TABLE users;
