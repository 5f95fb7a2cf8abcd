DROP TABLE product_reports;
DROP TABLE site_page_revisions;
ALTER TABLE merchants DROP COLUMN address;
