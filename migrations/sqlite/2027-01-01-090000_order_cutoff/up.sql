-- The shop's order cut-off (issue #27): orders placed at or after this hour of the shop's local time count from
-- the next day when the arrival dates are promised. NULL: the whole day counts.
ALTER TABLE merchants ADD COLUMN cutoff_hour INTEGER CHECK (cutoff_hour BETWEEN 1 AND 23);
