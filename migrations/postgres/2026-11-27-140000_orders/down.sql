DROP TABLE notifications;
DROP TABLE order_events;
DROP TABLE order_lines;
DROP TABLE orders;
DROP TABLE addresses;
DROP TABLE cart_lines;
DROP TABLE carts;
