-- Destinations staff closed (issue #27): sanctions, carriers that stopped delivering, customs rules. While a
-- country is here no shop ships to it, whatever its shipping table says; shoppers see the reason (one of the
-- codes of src/destinations/model.rs, shown in their language); the note is for staff only. Changes are
-- audited (destination.close, destination.reopen).
CREATE TABLE destination_restrictions (
    country TEXT PRIMARY KEY CHECK (length(country) = 2),
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    closed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    closed_at TIMESTAMP NOT NULL
);
