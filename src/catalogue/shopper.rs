//! Who is looking: language, display currency, the instant, and what every page needs (rates, categories,
//! live campaigns), with the prices they see.

use std::sync::Arc;

use super::repo::{self, FacetGroup, Filters, Order, Position, Scope, Skip};
use super::slots;
use crate::cache::Cache;
use crate::campaigns::pricing::{LivePromos, ProductKey};
use crate::categories::tree::CategoryTree;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Translator};
use crate::money::{Currency, Money, Rates};

/// Who is looking: language, display currency, and the data every page needs (rates, categories).
pub struct Shopper {
    pub tr: Translator,
    pub currency: Currency,
    pub rates: Arc<Rates>,
    pub tree: Arc<CategoryTree>,
    pub cache: Arc<Cache>,
    /// The instant prices are shown for (now, or a staff preview's instant).
    pub at: time::PrimitiveDateTime,
    /// Where the shopper ships to: campaigns may be for some markets only, on each market's own clock.
    pub market: crate::geo::CountryCode,
    /// Campaigns live at `at` for the shopper's market and language.
    pub promos: Arc<LivePromos>,
    /// Dictionaries for irregular forms of search words.
    pub lexicons: Arc<crate::search::lexicon::Lexicons>,
    /// The VAT rules in force and the shops' VAT settings: prices are shown with the market's VAT.
    pub tax: Arc<crate::tax::book::TaxBook>,
    /// The destinations staff closed: no shop ships there.
    pub closed: Arc<crate::destinations::model::Closed>,
}

/// A price as shown: in the shopper's currency, the merchant's own, the pre-campaign price struck through and
/// the campaign that gives it.
pub struct ShownPrice {
    pub price: String,
    pub merchant_price: Option<String>,
    pub old_price: Option<String>,
    /// (badge text, promo page URL).
    pub promo: Option<(String, String)>,
    pub promo_ends: Option<time::PrimitiveDateTime>,
    /// The price in the shop's currency after the campaign's discount, in minor units.
    pub own_minor: i64,
    /// How VAT is in it for the shopper's market (`None`: no rule applies).
    pub vat: Option<PriceVat>,
}

impl ShownPrice {
    /// What the price says about VAT.
    pub fn tax(&self) -> PriceTax {
        self.vat.as_ref().map_or(PriceTax::Untaxed, PriceVat::tax)
    }
}

/// What a shown price says about VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceTax {
    /// No VAT rule applies: the price as the shop set it.
    Untaxed,
    /// The destination's VAT at this rate is included (and collected at checkout).
    Included(i64),
    /// Sold net of VAT: import VAT and duties may be due on delivery.
    Duties,
}

/// How a product's price is read for the shopper's market: the shop, how its consignment is judged, and whether
/// the product takes the reduced rate.
#[derive(Debug, Clone, Copy)]
pub struct PriceVat {
    pub seller: crate::tax::rules::Seller,
    pub judged: crate::tax::book::Judged,
    pub reduced: bool,
}

impl PriceVat {
    /// A shop's price of the product as shown at the destination (unchanged if it cannot be computed).
    pub fn shown(&self, price: Money) -> Money {
        crate::tax::rules::shown_price(
            price,
            &self.seller,
            self.reduced,
            self.judged.treatment(self.reduced),
        )
        .unwrap_or(price)
    }

    /// The shop's shipping charge for this product as shown at the destination: at the product's own rate, as
    /// the cart charges delivery of a parcel holding only it (see `orders::vat_totals::ship`).
    pub fn shipping(&self, cost: Money) -> Money {
        crate::tax::rules::shown_price(
            cost,
            &self.seller,
            self.reduced,
            self.judged.treatment(self.reduced),
        )
        .unwrap_or(cost)
    }

    pub fn tax(&self) -> PriceTax {
        match self.judged.treatment(self.reduced) {
            crate::tax::rules::Treatment::Collect { rate_bp } => PriceTax::Included(rate_bp),
            crate::tax::rules::Treatment::DutiesOnDelivery => PriceTax::Duties,
        }
    }
}

impl Shopper {
    pub fn load(
        conn: &mut DbConnection,
        tr: Translator,
        currency: Currency,
        market: crate::geo::CountryCode,
        cache: Arc<Cache>,
        at: time::PrimitiveDateTime,
        lexicons: Arc<crate::search::lexicon::Lexicons>,
    ) -> AppResult<Self> {
        let basics = cache.get_or_load(
            conn,
            slots::BASICS,
            String::new(),
            |conn| -> AppResult<slots::Basics> {
                // Shared by every request until reloaded in the background, so read at the moment of loading, never
                // at one request's instant (a staff preview's may be months ahead).
                let now = crate::clock::system_now();
                let rates = rates_at(conn, now)?;
                let (rows, names) = crate::categories::repo::category_tree_rows(conn)?;
                let shops = crate::shops::repo::vat_settings(conn)?
                    .into_iter()
                    .filter_map(|(id, c, inc)| {
                        Some((id, crate::geo::CountryCode::parse(&c)?, inc))
                    });
                let book = crate::tax::service::book_at(conn, now, shops)?;
                Ok((
                    Arc::new(CategoryTree::build(rows, names)),
                    Arc::new(rates),
                    Arc::new(book),
                    Arc::new(crate::destinations::service::closed(conn)?),
                ))
            },
        )?;
        let (tree, rates, tax) = (basics.0.clone(), basics.1.clone(), basics.2.clone());
        let closed = basics.3.clone();
        // Which campaigns are live is picked from the cached schedule at this request's instant (prices change
        // exactly at the start and end); what they target is cached with the catalogue and cleared with it.
        let schedule = cache.get_or_load(
            conn,
            crate::campaigns::pricing::SCHEDULE,
            String::new(),
            |conn| crate::campaigns::pricing::Schedule::load(conn).map_err(AppError::from),
        )?;
        let rows = schedule.live_rows(at, market, tr.locale());
        let promos = if rows.is_empty() {
            Arc::new(crate::campaigns::pricing::LivePromos::default())
        } else {
            let key = format!("{rows:?}");
            let t = tree.clone();
            cache.get_or_load(conn, crate::campaigns::pricing::LIVE, key, move |conn| {
                crate::campaigns::pricing::live_from(conn, rows, &t).map_err(AppError::from)
            })?
        };
        Ok(Self {
            tr,
            currency,
            tree,
            rates,
            cache,
            at,
            market,
            promos,
            lexicons,
            tax,
            closed,
        })
    }

    /// The campaign giving a product its price now, if any.
    pub fn promo_for(
        &self,
        p: &super::model::ProductRow,
    ) -> Option<&crate::campaigns::pricing::LivePromo> {
        self.promos.best(ProductKey {
            id: p.id,
            merchant_id: p.merchant_id,
            category_id: p.category_id,
            origin: &p.origin,
        })
    }

    /// How VAT applies to one unit of a shop's product at `minor` in `currency` (after any campaign discount)
    /// for this shopper's market, judged as a parcel of its own; `None` where no rule applies.
    pub fn vat_of(&self, merchant_id: i64, category_id: i64, own: Money) -> Option<PriceVat> {
        let seller = self.tax.seller(merchant_id)?;
        let reduced = self.tree.reduced_vat(category_id);
        let net = crate::tax::rules::net_price(own, &seller, reduced).ok()?;
        let judged = self
            .tax
            .judge(&seller, self.market, net, &self.rates)
            .ok()?;
        Some(PriceVat {
            seller,
            judged,
            reduced,
        })
    }

    /// What a price says about VAT, for a line under it ("incl. 19% VAT"; duties may be due), if anything.
    pub fn tax_note(&self, tax: PriceTax) -> Option<String> {
        match tax {
            PriceTax::Untaxed | PriceTax::Included(0) => None,
            PriceTax::Included(bp) => {
                let rate = crate::tax::rate_text(&self.tr, bp);
                Some(
                    self.tr
                        .t_args("price-incl-vat", &[("rate", crate::i18n::Arg::Str(&rate))]),
                )
            }
            PriceTax::Duties => Some(self.tr.t("price-duties")),
        }
    }

    /// The short line under a card's price: "incl. VAT" where the market's VAT is in it (the product page says
    /// which rate, or that duties may be due).
    pub fn card_tax_note(&self, tax: PriceTax) -> Option<String> {
        matches!(tax, PriceTax::Included(bp) if bp > 0).then(|| self.tr.t("card-incl-vat"))
    }

    /// A product's price as shoppers see it at `at`.
    pub fn price_of(&self, p: &super::model::ProductRow) -> ShownPrice {
        let promo = self.promo_for(p);
        let percent = promo.map_or(0, |x| x.discount_percent);
        let vat = Currency::parse(&p.currency)
            .and_then(|c| crate::money::percent_off(Money::new(p.price_minor, c), percent))
            .and_then(|own| self.vat_of(p.merchant_id, p.category_id, own));
        let (price, merchant_price, old_price) =
            super::cards::prices(self, p.price_minor, &p.currency, percent, vat.as_ref());
        let l = self.locale();
        let own_minor = crate::money::Currency::parse(&p.currency)
            .and_then(|c| {
                crate::money::percent_off(crate::money::Money::new(p.price_minor, c), percent)
            })
            .map_or(p.price_minor, |m| m.minor);
        ShownPrice {
            vat,
            own_minor,
            price,
            merchant_price,
            old_price,
            promo: promo.map(|x| {
                let (title, slug) = x.name(l).unwrap_or(("", ""));
                (
                    self.tr.t_args(
                        "promo-badge",
                        &[
                            (
                                "percent",
                                crate::i18n::Arg::Num(i64::from(x.discount_percent)),
                            ),
                            ("title", crate::i18n::Arg::Str(title)),
                        ],
                    ),
                    crate::routes::promo(l, slug),
                )
            }),
            promo_ends: promo.map(|x| x.ends_at),
        }
    }

    /// Facet groups of a listing, from the short-lived cache.
    pub fn facets(
        &self,
        conn: &mut DbConnection,
        scope: &Scope,
        f: &Filters,
        skip: Skip,
    ) -> AppResult<Arc<Vec<FacetGroup>>> {
        let key = format!("{scope:?}|{f:?}|{skip:?}");
        let (scope, f) = (scope.clone(), f.clone());
        self.cache
            .get_or_load(conn, slots::FACETS, key, move |conn| {
                repo::facet_groups(conn, &scope, &f, skip).map_err(AppError::from)
            })
    }

    /// An analyzer for this request's query, with the stop word lists from the cache.
    pub fn analyzer(&self, conn: &mut DbConnection) -> AppResult<crate::search::Analyzer> {
        let stop = self.stop_words(conn)?;
        Ok(crate::search::Analyzer::sharing(
            stop,
            self.lexicons.clone(),
        ))
    }

    /// The five languages' stop words, folded, from the cache.
    pub fn stop_words(
        &self,
        conn: &mut DbConnection,
    ) -> AppResult<Arc<crate::search::stop_words::StopWords>> {
        self.cache
            .get_or_load(conn, slots::STOP_WORDS, String::new(), |_| {
                Ok::<_, AppError>(crate::search::stop_words::StopWords::load())
            })
    }

    /// The search vocabulary, through the cache.
    pub fn typos(&self, conn: &mut DbConnection) -> AppResult<Arc<crate::search::Typos>> {
        vocabulary(&self.cache, conn)
    }

    /// (slug, name) of every approved shop, through the cache.
    pub fn shop_names(&self, conn: &mut DbConnection) -> AppResult<Arc<Vec<(String, String)>>> {
        self.cache
            .get_or_load(conn, slots::SHOP_NAMES, String::new(), |conn| {
                crate::shops::repo::approved_slug_names(conn).map_err(AppError::from)
            })
    }

    /// How many of a listing's products are rated 4★ and up, through the cache.
    pub fn top_rated_count(
        &self,
        conn: &mut DbConnection,
        scope: &Scope,
        f: &Filters,
    ) -> AppResult<Arc<i64>> {
        let key = format!("{scope:?}|{f:?}");
        let (scope, f) = (scope.clone(), f.clone());
        self.cache
            .get_or_load(conn, slots::TOP_RATED, key, move |conn| {
                repo::top_rated_count(conn, &scope, &f).map_err(AppError::from)
            })
    }

    /// One listing page's (id, sort key) pairs, through the cache.
    pub fn page_keys(
        &self,
        conn: &mut DbConnection,
        scope: &Scope,
        f: &Filters,
        order: Order,
        limit: i64,
        pos: Position,
    ) -> AppResult<Arc<Vec<(i64, i64)>>> {
        let key = format!("{scope:?}|{f:?}|{order:?}|{limit}|{pos:?}");
        let (scope, f) = (scope.clone(), f.clone());
        self.cache
            .get_or_load(conn, slots::PAGE_KEYS, key, move |conn| {
                repo::page_keys(conn, &scope, &f, &order, limit, pos).map_err(AppError::from)
            })
    }

    pub fn locale(&self) -> Locale {
        self.tr.locale()
    }

    pub fn money(&self, m: Money) -> String {
        self.tr.i18n().formatters.money(self.locale(), m)
    }

    pub fn count(&self, n: i64) -> String {
        self.tr.i18n().formatters.number(self.locale(), n)
    }
}

/// The exchange rates in force at `at` (the newest row per currency that has started).
pub fn rates_at(
    conn: &mut DbConnection,
    at: time::PrimitiveDateTime,
) -> diesel::QueryResult<Rates> {
    let mut rates = Rates::new();
    let mut seen = Vec::new();
    for r in repo::rates_at(conn, at)? {
        if let Some(c) = Currency::parse(&r.currency) {
            if !seen.contains(&c) {
                seen.push(c);
                rates.set(c, r.per_base_micros);
            }
        }
    }
    Ok(rates)
}

/// The category tree as stored (uncached), for writers.
pub fn tree_now(conn: &mut DbConnection) -> diesel::QueryResult<CategoryTree> {
    let (rows, names) = crate::categories::repo::category_tree_rows(conn)?;
    Ok(CategoryTree::build(rows, names))
}

// ---------- home ----------

/// The search vocabulary through `cache` (see [`slots::TYPOS`]): built here when there is none yet, else the one
/// there is, its successor built in the background after a write. The server builds it at start-up so the first
/// search does not wait.
pub fn vocabulary(cache: &Cache, conn: &mut DbConnection) -> AppResult<Arc<crate::search::Typos>> {
    cache.get_or_load(conn, slots::TYPOS, String::new(), |conn| {
        let started = std::time::Instant::now();
        let rows = repo::vocabulary(conn)?;
        let read = started.elapsed();
        let terms = rows
            .into_iter()
            .map(|(t, n)| (t, u64::try_from(n).unwrap_or(0)))
            .collect();
        let typos = crate::search::Typos::build(terms);
        tracing::info!(
            terms = typos.len(),
            bytes = typos.bytes(),
            read_ms = read.as_millis() as u64,
            build_ms = (started.elapsed() - read).as_millis() as u64,
            "search vocabulary built"
        );
        Ok::<_, AppError>(typos)
    })
}
