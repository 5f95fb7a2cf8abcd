DROP TABLE ledger_entries;
DROP TABLE ledger_transactions;
DROP TABLE commission_rates;
