-- What a shop application holds besides the shop itself, and the reason of the last staff decision.
ALTER TABLE merchants ADD COLUMN legal_name TEXT NOT NULL DEFAULT '';
ALTER TABLE merchants ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';
ALTER TABLE merchants ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE merchants ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
