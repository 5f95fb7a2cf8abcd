//! Every URL of the public interface is built here; handlers and templates never format paths themselves.

use crate::geo::CountryCode;
use crate::i18n::Locale;

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub fn home(l: Locale) -> String {
    format!("/{l}/")
}

pub fn category(l: Locale, slug: &str) -> String {
    format!("/{l}/c/{}", enc(slug))
}

pub fn product(l: Locale, id: i64, slug: &str) -> String {
    format!("/{l}/p/{id}-{}", enc(slug))
}

/// A product page showing one variant (`?v=SKU`; its canonical URL is the product's).
pub fn product_variant(l: Locale, id: i64, slug: &str, sku: &str) -> String {
    format!("{}?v={}", product(l, id, slug), enc(sku))
}

pub fn cart(l: Locale) -> String {
    format!("/{l}/cart")
}

pub fn checkout(l: Locale) -> String {
    format!("/{l}/checkout")
}

/// The confirmation after placing (`again` when the token had already placed the orders).
pub fn checkout_done(l: Locale, token: &str, again: bool) -> String {
    let again = if again { "&again=1" } else { "" };
    format!("/{l}/checkout/done?c={}{again}", enc(token))
}

/// The card payment step of a checkout placed for card payment (also where the browser returns after the
/// shopper's bank confirmed the payment).
pub fn checkout_pay(l: Locale, token: &str) -> String {
    format!("/{l}/checkout/pay?c={}", enc(token))
}

/// Where the payment step's form posts.
pub fn checkout_pay_post(l: Locale) -> String {
    format!("/{l}/checkout/pay")
}

pub fn search(l: Locale, q: &str) -> String {
    format!("/{l}/search?q={}", enc(q))
}

pub fn search_base(l: Locale) -> String {
    format!("/{l}/search")
}

/// A "Did you mean" link: the corrected query, carrying the query typed so following it is counted.
pub fn search_corrected(l: Locale, corrected: &str, typed: &str) -> String {
    format!("/{l}/search?q={}&typed={}", enc(corrected), enc(typed))
}

/// The search box's completions (JSON), for what was typed so far.
pub fn search_suggest(l: Locale) -> String {
    format!("/{l}/search/suggest")
}

pub fn origin(l: Locale, cc: CountryCode) -> String {
    format!("/{l}/origin/{}", cc.lower())
}

pub fn shop(l: Locale, slug: &str) -> String {
    format!("/{l}/shop/{}", enc(slug))
}

pub fn promo(l: Locale, slug: &str) -> String {
    format!("/{l}/promo/{}", enc(slug))
}

pub fn promos(l: Locale) -> String {
    format!("/{l}/promos")
}

/// A site page (about, terms, …) by its key.
pub fn info(l: Locale, key: &str) -> String {
    format!("/{l}/info/{key}")
}

/// The "report this product" form.
pub fn report(l: Locale, product: i64) -> String {
    format!("/{l}/p/{product}/report")
}

pub fn staff(l: Locale, rest: &str) -> String {
    format!("/{l}/staff{rest}")
}

pub fn market(l: Locale) -> String {
    format!("/{l}/market")
}

pub fn sign_in(l: Locale) -> String {
    format!("/{l}/sign-in")
}

pub fn password_reset(l: Locale) -> String {
    format!("/{l}/password-reset")
}

pub fn verify_email(l: Locale) -> String {
    format!("/{l}/verify-email")
}

pub fn sign_up(l: Locale) -> String {
    format!("/{l}/sign-up")
}

pub fn sign_out(l: Locale) -> String {
    format!("/{l}/sign-out")
}

pub fn account(l: Locale) -> String {
    format!("/{l}/account")
}

/// The merchant area: `/{l}/merchant{rest}` (`rest` = "", "/products", "/shipping", …).
pub fn merchant(l: Locale, rest: &str) -> String {
    format!("/{l}/merchant{rest}")
}

/// `/{l}/staff/coupons{rest}` (the marketplace's codes) or `/{l}/merchant/coupons{rest}` (a shop's).
pub fn coupons(l: Locale, staff: bool, rest: &str) -> String {
    let area = if staff { "staff" } else { "merchant" };
    format!("/{l}/{area}/coupons{rest}")
}

pub fn coupon_action(l: Locale, staff: bool, id: i64, action: &str) -> String {
    coupons(l, staff, &format!("/{id}/{action}"))
}

/// A batch of codes as CSV (the label is letters, digits and dashes).
pub fn coupon_batch_csv(l: Locale, staff: bool, batch: &str) -> String {
    coupons(l, staff, &format!("/batch/{batch}.csv"))
}

pub fn merchant_product(l: Locale, id: i64, action: &str) -> String {
    format!("/{l}/merchant/products/{id}/{action}")
}

pub fn merchant_image(l: Locale, product: i64, image: i64, action: &str) -> String {
    format!("/{l}/merchant/products/{product}/images/{image}/{action}")
}

pub fn media(path: &str) -> String {
    format!("/media/{path}")
}

/// The same page in another language: `/ru/c/x` → `/tr/c/x` (`rest` is the path after the prefix).
pub fn switch(l: Locale, rest: &str) -> String {
    format!("/{l}{rest}")
}

/// A query string from pairs, `?a=1&b=2`, or empty.
pub fn query(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        ser.append_pair(k, v);
    }
    format!("?{}", ser.finish())
}

/// Accepts only local absolute paths (`/ru/cart`), never `//host` or `scheme:`: no open redirects. Browsers drop
/// tabs and line breaks from a URL and read `\` as `/`, so `/<tab>/host` or `/\host` would leave the site: any
/// control character or backslash is refused.
pub fn safe_local_path(candidate: &str) -> Option<&str> {
    let ok = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate.chars().any(|c| c.is_control() || c == '\\')
        && candidate.len() <= 2048;
    ok.then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_only() {
        assert_eq!(safe_local_path("/ru/cart"), Some("/ru/cart"));
        assert_eq!(safe_local_path("//evil.example"), None);
        assert_eq!(safe_local_path("https://evil.example"), None);
        assert_eq!(safe_local_path("/\\evil.example"), None);
        assert_eq!(safe_local_path("/\t/evil.example"), None);
        assert_eq!(safe_local_path("/\n/evil.example"), None);
        assert_eq!(safe_local_path("/ru/\\x"), None);
        assert_eq!(safe_local_path("/\u{7f}/x"), None);
        assert_eq!(
            safe_local_path("/ru/search?q=%2F%2Fx"),
            Some("/ru/search?q=%2F%2Fx")
        );
    }

    #[test]
    fn builds_urls() {
        assert_eq!(
            product(Locale::Ru, 7, "kozhanaia-sumka"),
            "/ru/p/7-kozhanaia-sumka"
        );
        assert_eq!(
            search(Locale::Tr, "deri çanta"),
            "/tr/search?q=deri+%C3%A7anta"
        );
        assert_eq!(origin(Locale::It, CountryCode::IT), "/it/origin/it");
    }
}

// ---------- shopper forms ----------

pub fn cart_add(l: Locale) -> String {
    format!("/{l}/cart/add")
}

pub fn cart_update(l: Locale) -> String {
    format!("/{l}/cart/update")
}

pub fn checkout_place(l: Locale) -> String {
    format!("/{l}/checkout/place")
}

pub fn orders(l: Locale) -> String {
    format!("/{l}/orders")
}

/// One of the shopper's orders, by its number.
pub fn order(l: Locale, number: &str) -> String {
    format!("/{l}/orders/{}", enc(number))
}

pub fn checkout_review(l: Locale) -> String {
    format!("/{l}/checkout/review")
}

/// `/account/profile` or `/account/password`.
pub fn account_form(l: Locale, part: &str) -> String {
    format!("/{l}/account/{part}")
}

pub fn merchant_apply(l: Locale) -> String {
    format!("/{l}/merchant/apply")
}

/// The staff area, by what it manages. Ids are taken by value or by reference (templates hold references).
pub mod staff_area {
    use std::borrow::Borrow;

    use crate::i18n::Locale;

    /// `/staff/categories`.
    pub fn categories(l: Locale) -> String {
        format!("/{l}/staff/categories")
    }

    /// `/staff/categories/{id}[/{action}]`.
    pub fn category(l: Locale, id: impl Borrow<i64>, action: &str) -> String {
        let id = id.borrow();
        match action {
            "" => format!("/{l}/staff/categories/{id}"),
            a => format!("/{l}/staff/categories/{id}/{a}"),
        }
    }

    /// `/staff/promos[/{action}]` (`new`).
    pub fn promos(l: Locale, action: &str) -> String {
        match action {
            "" => format!("/{l}/staff/promos"),
            a => format!("/{l}/staff/promos/{a}"),
        }
    }

    /// `/staff/promos/{id}/{action}`.
    pub fn promo(l: Locale, id: impl Borrow<crate::ids::PromoId>, action: &str) -> String {
        format!("/{l}/staff/promos/{}/{action}", id.borrow())
    }

    /// `/staff/merchants`.
    pub fn merchants(l: Locale) -> String {
        format!("/{l}/staff/merchants")
    }

    /// `/staff/merchants/{id}/decision`.
    pub fn decision(l: Locale, id: impl Borrow<i64>) -> String {
        format!("/{l}/staff/merchants/{}/decision", id.borrow())
    }
}

/// The form to review order line `line`.
pub fn review_new(l: Locale, line: i64) -> String {
    format!("/{l}/reviews/new/{line}")
}

/// A product's reviews, optionally filtered (`query` from [`query`], "" for none).
pub fn product_reviews(l: Locale, id: i64, slug: &str, query: &str) -> String {
    format!("{}/reviews{query}", product(l, id, slug))
}

/// Reporting review `id` (POST).
pub fn review_report(l: Locale, id: i64) -> String {
    format!("/{l}/reviews/{id}/report")
}

/// A merchant's or staff action on review `id` (`reply`, `hide`, `restore`).
pub fn review_action(l: Locale, staff: bool, id: i64, action: &str) -> String {
    let area = if staff { "staff" } else { "merchant" };
    format!("/{l}/{area}/reviews/{id}/{action}")
}

/// The shopper's wishlist.
pub fn wishlist(l: Locale) -> String {
    format!("/{l}/wishlist")
}

/// Saving a product to, or taking it off, the wishlist (POST; `action` is `add` or `remove`), and the ids saved
/// (GET `saved`, JSON, for the script marking saved products' buttons).
pub fn wishlist_action(l: Locale, action: &str) -> String {
    format!("/{l}/wishlist/{action}")
}
