-- What a bulk load (`caravan seed --products N`) dropped and must build again: secondary indexes and the
-- triggers that keep `facet_counts`. Rows are written in the transaction that drops the objects and deleted in
-- the one that restores them, so a load killed half-way is finished at the next start.
CREATE TABLE bulk_load_pending (
    name TEXT PRIMARY KEY,
    is_trigger BOOLEAN NOT NULL,
    create_sql TEXT NOT NULL
);
