//! `PageCtx`: what every page's layout needs, computed before rendering.

use actix_session::SessionExt;
use actix_web::{web, HttpRequest};

use super::session::{Market, SessionData};
use crate::geo::CountryCode;
use crate::http::state::AppState;
use crate::i18n::{Arg, Locale, Translator};
use crate::money::{Currency, Money};
use crate::routes;

/// A link to the same page in another language.
pub struct LangLink {
    pub code: &'static str,
    pub autonym: &'static str,
    pub href: String,
    pub current: bool,
}

/// An `hreflang` alternate (absolute URL).
pub struct Alternate {
    pub hreflang: &'static str,
    pub href: String,
}

/// An option of a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct PageCtx {
    pub locale: Locale,
    pub tr: Translator,
    pub market: Market,
    pub csrf: String,
    /// Path after the `/{lang}` prefix, e.g. `/c/ceramics`.
    pub rest: String,
    /// The current path and query, for "return to" fields.
    pub here: String,
    pub public_url: String,
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    pub lang_links: Vec<LangLink>,
    pub css_url: String,
    pub icon_url: String,
    pub js_url: String,
    pub search_q: String,
    pub user: Option<crate::identity::model::AuthUser>,
    /// A one-time notice after a redirect (already translated).
    pub flash: Option<String>,
    /// Units in the cart, for the header link.
    pub cart_count: i64,
    /// Whether the request carried a session cookie (a visitor without one gets pages a shared cache may keep).
    pub has_session: bool,
}

impl PageCtx {
    /// Builds the context for a request in `locale` (also used by error pages, hence not an extractor only). The
    /// page may hold forms, so the visitor gets a session and its form token (and so a cookie).
    pub fn build(req: &HttpRequest, state: &web::Data<AppState>, locale: Locale) -> Self {
        Self::with_token(req, state, locale, true)
    }

    /// The context of a shopper page (home, listings, product, campaigns, cart): a visitor without a session
    /// gets none from it, so the answer sets no cookie and a shared cache may keep it.
    pub fn shopper(req: &HttpRequest, state: &web::Data<AppState>, locale: Locale) -> Self {
        Self::with_token(req, state, locale, false)
    }

    fn with_token(
        req: &HttpRequest,
        state: &web::Data<AppState>,
        locale: Locale,
        always: bool,
    ) -> Self {
        let session = req.get_session();
        let has_session = req.cookie(super::session::COOKIE).is_some();
        let data = SessionData(&session);
        let market = data.market().unwrap_or_else(|| {
            let (ship_to, currency) = locale.default_market();
            Market { ship_to, currency }
        });
        let user = actix_web::HttpMessage::extensions(req)
            .get::<crate::identity::model::AuthUser>()
            .cloned();
        let mut ctx = Self::assemble(state, locale, req.path(), req.query_string(), market);
        if always || has_session {
            ctx.csrf = data.csrf_token();
        }
        ctx.has_session = has_session;
        ctx.cart_count = data.cart_count();
        ctx.user = user;
        ctx.flash = data.take_flash().map(|id| ctx.t(&id));
        ctx
    }

    /// A context without a session (for a page answered when the session store itself is unreachable): the
    /// locale's default market, no user, no cart, no form token.
    pub fn without_session(state: &AppState, locale: Locale, path: &str, query: &str) -> Self {
        let (ship_to, currency) = locale.default_market();
        Self::assemble(state, locale, path, query, Market { ship_to, currency })
    }

    fn assemble(state: &AppState, locale: Locale, path: &str, query: &str, market: Market) -> Self {
        let rest = match super::extract::path_locale(path) {
            Some(l) => path[l.code().len() + 1..].to_string(),
            None => "/".to_string(),
        };
        let rest = if rest.is_empty() {
            "/".to_string()
        } else {
            rest
        };
        let here = match query {
            "" => path.to_string(),
            q => format!("{path}?{q}"),
        };
        let public_url = state.config.public_url.clone();
        let per_locale: Vec<(Locale, String)> =
            Locale::ALL.iter().map(|l| (*l, rest.clone())).collect();
        let mut ctx = Self {
            locale,
            tr: Translator::new(state.i18n.clone(), locale),
            market,
            csrf: String::new(),
            rest,
            here,
            public_url,
            canonical: String::new(),
            alternates: Vec::new(),
            lang_links: Vec::new(),
            css_url: state.assets.url("css/app.css"),
            icon_url: state.assets.url("img/favicon.svg"),
            js_url: state.assets.url("js/app.js"),
            search_q: String::new(),
            user: None,
            flash: None,
            cart_count: 0,
            has_session: false,
        };
        ctx.set_paths(&per_locale, "");
        ctx
    }

    /// Sets the canonical URL, `hreflang` alternates and switcher links from each locale's own path
    /// (`rest` after the prefix, which differs when slugs are localized). `query` is kept on all of them.
    pub fn set_paths(&mut self, per_locale: &[(Locale, String)], query: &str) {
        let path_of = |l: Locale| {
            per_locale
                .iter()
                .find(|(x, _)| *x == l)
                .map(|(_, p)| p.clone())
                .unwrap_or_else(|| "/".to_string())
        };
        self.canonical = format!(
            "{}{}{}",
            self.public_url,
            routes::switch(self.locale, &path_of(self.locale)),
            query
        );
        self.alternates = Locale::ALL
            .iter()
            .map(|l| Alternate {
                hreflang: l.code(),
                href: format!(
                    "{}{}{}",
                    self.public_url,
                    routes::switch(*l, &path_of(*l)),
                    query
                ),
            })
            .collect();
        self.alternates.push(Alternate {
            hreflang: "x-default",
            href: format!(
                "{}{}{}",
                self.public_url,
                routes::switch(Locale::FALLBACK, &path_of(Locale::FALLBACK)),
                query
            ),
        });
        // The switcher keeps everything the shopper chose: filters, sort, page (the whole query).
        let kept = match self.here.split_once('?') {
            Some((_, q)) => format!("?{q}"),
            None => String::new(),
        };
        self.lang_links = Locale::ALL
            .iter()
            .map(|l| LangLink {
                code: l.code(),
                autonym: l.autonym(),
                href: format!("{}{}", routes::switch(*l, &path_of(*l)), kept),
                current: *l == self.locale,
            })
            .collect();
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        self.tr.t_args(id, &[(name, Arg::Str(value))])
    }

    /// A date in the locale's CLDR medium pattern ("5 дек. 2026 г.").
    pub fn date(&self, d: time::Date) -> String {
        self.tr.i18n().formatters.date(self.locale, d)
    }

    /// A UTC instant as wall-clock time in `zone`, in the locale's CLDR date-time pattern; in UTC it says so.
    pub fn when(&self, t: time::PrimitiveDateTime, zone: &str) -> String {
        let f = &self.tr.i18n().formatters;
        match crate::zones::local(t, zone) {
            Some(local) if zone != "UTC" => f.date_time(self.locale, local),
            _ => self.t1("time-utc", "time", &f.date_time(self.locale, t)),
        }
    }

    /// A UTC instant as wall-clock time in `zone` with the zone's localized name ("5 дек. 2026 г., 12:50
    /// (Москва)"), for readers who choose their zone (staff).
    pub fn when_zoned(&self, t: time::PrimitiveDateTime, zone: &str) -> String {
        if zone == "UTC" {
            return self.when(t, zone);
        }
        let f = &self.tr.i18n().formatters;
        self.tr.t_args(
            "time-in-zone",
            &[
                ("time", Arg::Str(&self.when(t, zone))),
                ("zone", Arg::Str(&f.zone_name(self.locale, zone))),
            ],
        )
    }

    /// The zone the signed-in staff member chose (UTC until they do).
    pub fn staff_zone(&self) -> &str {
        self.user
            .as_ref()
            .map(|u| u.time_zone.as_str())
            .filter(|z| crate::zones::CHOICES.contains(z))
            .unwrap_or("UTC")
    }

    pub fn t_count(&self, id: &str, count: &i64) -> String {
        self.tr.t_count(id, *count)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// The page's locale by value, for templates calling `crate::routes` functions.
    pub fn l(&self) -> Locale {
        self.locale
    }

    pub fn home_url(&self) -> String {
        routes::home(self.locale)
    }

    pub fn search_url(&self) -> String {
        routes::search_base(self.locale)
    }

    pub fn sign_in_url(&self) -> String {
        format!(
            "{}{}",
            routes::sign_in(self.locale),
            routes::query(&[("return_to", self.here.clone())])
        )
    }

    pub fn sign_out_url(&self) -> String {
        routes::sign_out(self.locale)
    }

    /// The work area of a signed-in merchant or staff member: (href, label).
    pub fn area_link(&self) -> Option<(String, String)> {
        use crate::identity::model::Role;
        match self.user.as_ref().map(|u| u.role) {
            Some(Role::Merchant) => Some((
                routes::merchant(self.locale, ""),
                self.t("merchant-nav-label"),
            )),
            Some(Role::Staff) => Some((
                crate::routes::staff(self.locale, ""),
                self.t("staff-nav-label"),
            )),
            _ => None,
        }
    }

    pub fn cart_url(&self) -> String {
        crate::routes::cart(self.locale)
    }

    pub fn account_url(&self) -> String {
        routes::account(self.locale)
    }

    pub fn market_url(&self) -> String {
        routes::market(self.locale)
    }

    pub fn money(&self, m: &Money) -> String {
        self.tr.i18n().formatters.money(self.locale, *m)
    }

    /// Two dates as a CLDR interval of day and month ("Dec 16 – 22").
    pub fn date_range(&self, from: time::Date, to: time::Date) -> String {
        self.tr.i18n().formatters.date_range(self.locale, from, to)
    }

    pub fn country_name(&self, cc: &CountryCode) -> String {
        self.tr.country(*cc)
    }

    /// Every destination as a choice (the market form, the address), by name in this language's alphabetical
    /// order, `selected` chosen.
    pub fn country_choices(&self, selected: &str) -> Vec<Choice> {
        let countries = &self.tr.i18n().formatters.countries;
        let mut out: Vec<Choice> = countries
            .all()
            .iter()
            .map(|cc| Choice {
                value: cc.as_str().to_string(),
                label: self.country_name(cc),
                selected: cc.as_str() == selected,
            })
            .collect();
        out.sort_by(|a, b| countries.compare(self.locale, &a.label, &b.label));
        out
    }

    /// Ship-to choices for the header's market form: the markets Caravan was built around and the shopper's own,
    /// by localized name (every destination is on the market page, [`routes::market`]).
    pub fn ship_to_choices(&self) -> Vec<Choice> {
        let countries = &self.tr.i18n().formatters.countries;
        let mine = self.market.ship_to;
        let mut out: Vec<Choice> = crate::geo::SHIP_TO
            .iter()
            .copied()
            .chain((!crate::geo::SHIP_TO.contains(&mine)).then_some(mine))
            .map(|cc| Choice {
                value: cc.as_str().to_string(),
                label: self.country_name(&cc),
                selected: cc == mine,
            })
            .collect();
        out.sort_by(|a, b| countries.compare(self.locale, &a.label, &b.label));
        out
    }

    pub fn currency_choices(&self) -> Vec<Choice> {
        Currency::ALL
            .iter()
            .map(|c| Choice {
                value: c.code().to_string(),
                label: format!(
                    "{} · {}",
                    c.code(),
                    self.t(&format!("currency-{}", c.code().to_ascii_lowercase()))
                ),
                selected: *c == self.market.currency,
            })
            .collect()
    }

    pub fn market_summary(&self) -> String {
        format!(
            "{} · {}",
            self.country_name(&self.market.ship_to),
            self.market.currency.code()
        )
    }
}
