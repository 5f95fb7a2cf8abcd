DROP TABLE tax_rules;
