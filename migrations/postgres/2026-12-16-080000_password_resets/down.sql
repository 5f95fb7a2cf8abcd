DROP TABLE password_resets;
ALTER TABLE notifications DROP COLUMN payload;
