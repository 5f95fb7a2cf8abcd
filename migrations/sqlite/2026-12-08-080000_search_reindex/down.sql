DROP TABLE search_reindex;
