-- Reviews by verified buyers: one per account and product, written after the order line was delivered (demo
-- reviews carry no order line). Never deleted: moderation hides them, with a reason, and may restore them.
CREATE TABLE reviews (
    id BIGSERIAL PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    order_line_id BIGINT REFERENCES order_lines (id) ON DELETE SET NULL,
    -- The product's title as bought (the order line's), for the shop's and staff lists.
    product_title TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    lang TEXT NOT NULL,
    country TEXT NOT NULL,
    author TEXT NOT NULL,
    variant_label TEXT NOT NULL,
    status TEXT NOT NULL,
    hidden_reason TEXT NOT NULL,
    reports INTEGER NOT NULL,
    reply TEXT NOT NULL,
    reply_lang TEXT NOT NULL,
    replied_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, product_id)
);
CREATE INDEX reviews_by_product ON reviews (product_id, status, created_at);
CREATE INDEX reviews_by_merchant ON reviews (merchant_id, created_at);
CREATE INDEX reviews_reported ON reviews (reports, status);

-- Up to four photos per review, through the image pipeline (sniffed, re-encoded, metadata stripped).
CREATE TABLE review_photos (
    id BIGSERIAL PRIMARY KEY,
    review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    thumb_path TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL
);
CREATE INDEX review_photos_by_review ON review_photos (review_id);

-- One report per account and review.
CREATE TABLE review_reports (
    review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (review_id, user_id)
);

-- Rating aggregates, kept exact on every write, hide and restore (recounted from the visible reviews in the
-- same transaction). score: the Bayesian average in thousandths of a star, for the "best rated" sort.
CREATE TABLE product_ratings (
    product_id BIGINT PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    sum INTEGER NOT NULL,
    score INTEGER NOT NULL,
    stars1 INTEGER NOT NULL,
    stars2 INTEGER NOT NULL,
    stars3 INTEGER NOT NULL,
    stars4 INTEGER NOT NULL,
    stars5 INTEGER NOT NULL
);
CREATE INDEX product_ratings_by_score ON product_ratings (score);
CREATE TABLE shop_ratings (
    merchant_id BIGINT PRIMARY KEY REFERENCES merchants (id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    sum INTEGER NOT NULL
);
