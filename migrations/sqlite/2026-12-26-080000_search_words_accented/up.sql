-- Words written with diacritics are now indexed as written as well as folded, so a query typed with them
-- (Turkish `küpe`, Spanish `año`) ranks those products first. Every product is queued; the server's indexer
-- thread builds its words again in small batches. (`WHERE true` lets SQLite read ON CONFLICT after a SELECT.)
INSERT INTO search_reindex (product_id) SELECT id FROM products WHERE true ON CONFLICT (product_id) DO NOTHING;
