DROP TABLE destination_restrictions;
