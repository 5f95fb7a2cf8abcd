ALTER TABLE merchants DROP COLUMN cutoff_hour;
