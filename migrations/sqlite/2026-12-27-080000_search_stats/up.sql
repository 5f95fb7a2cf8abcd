-- What shoppers searched for, per UTC day and language, counted in memory by each instance and added here in
-- batches: searches typed, those that found nothing, those where typo tolerance offered a correction ("Did you
-- mean"), and corrections clicked. The staff dashboard reads the zero-result rate per language from it.
CREATE TABLE search_stats (
    day TEXT NOT NULL,
    locale TEXT NOT NULL,
    searches BIGINT NOT NULL DEFAULT 0,
    zero_results BIGINT NOT NULL DEFAULT 0,
    corrected BIGINT NOT NULL DEFAULT 0,
    corrections_clicked BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, locale)
);
-- Which corrections were offered for which query, and how often the shopper followed them.
CREATE TABLE search_corrections (
    day TEXT NOT NULL,
    locale TEXT NOT NULL,
    query TEXT NOT NULL,
    suggestion TEXT NOT NULL,
    offered BIGINT NOT NULL DEFAULT 0,
    clicked BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, locale, query, suggestion)
);
