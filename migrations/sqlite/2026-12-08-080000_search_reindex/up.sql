-- Products whose search words must be built again (an option or value renamed: its products' words include the
-- names). Drained in batches by the server's indexer; a product is queued once however often it is renamed.
CREATE TABLE search_reindex (
    product_id BIGINT PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE
);
