-- Search words are now normalized before stemming (ё read as е, text composed), so `мёдом` and `медом` stem
-- alike. Every product is queued; the server's indexer thread builds its words again in small batches.
-- (`WHERE true` lets SQLite read the ON CONFLICT clause after a SELECT.)
INSERT INTO search_reindex (product_id) SELECT id FROM products WHERE true ON CONFLICT (product_id) DO NOTHING;
