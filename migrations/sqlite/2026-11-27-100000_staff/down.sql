DROP TABLE audit_log;
DROP TABLE search_misses;
DROP TABLE category_slug_history;
