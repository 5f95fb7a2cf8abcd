DROP TABLE order_coupons;
ALTER TABLE carts DROP COLUMN coupon_code;
DROP TABLE coupon_redemptions;
DROP TABLE coupons;
