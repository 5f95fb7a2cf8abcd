DROP TABLE payouts;
DROP TABLE payout_batches;
DROP TABLE payment_cursors;
DROP TABLE refunds;
