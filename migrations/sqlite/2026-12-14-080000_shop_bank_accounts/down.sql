DROP TABLE shop_bank_accounts;
