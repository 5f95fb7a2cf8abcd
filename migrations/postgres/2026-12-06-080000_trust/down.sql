DROP TABLE product_reports;
DROP TABLE site_page_revisions;
ALTER TABLE users DROP COLUMN time_zone;
ALTER TABLE merchants DROP COLUMN address;
