DROP TABLE search_corrections;
DROP TABLE search_stats;
