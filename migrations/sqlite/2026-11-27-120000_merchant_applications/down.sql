ALTER TABLE merchants DROP COLUMN status_reason;
ALTER TABLE merchants DROP COLUMN contact;
ALTER TABLE merchants DROP COLUMN tax_id;
ALTER TABLE merchants DROP COLUMN legal_name;
