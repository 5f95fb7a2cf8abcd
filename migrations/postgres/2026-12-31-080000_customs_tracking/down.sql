DROP TABLE order_shipments;
DROP TABLE product_customs;
