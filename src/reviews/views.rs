//! The review pages and the parts other pages include: the form, a product's reviews under filters, the
//! shop's list with reply forms, the moderation queue; stars, dates and countries in the reader's language.

use askama::Template;

use super::form::ReviewForm;
use super::model::{average_tenths, ReviewRow, Stars, MAX_TEXT, MAX_TITLE, PER_PAGE};
use super::read::{Item, Reviews};
use super::repo::Filter;
use crate::backoffice::merchant::MerchantChrome;
use crate::backoffice::staff::StaffChrome;
use crate::geo::CountryCode;
use crate::http::forms::{self, Field, FormErrors};
use crate::http::page::{Choice, PageCtx};
use crate::i18n::{Arg, Locale};
use crate::routes;

/// A rating as words and as a number ("4.7", "Rated 4.7 out of 5").
pub struct Rating {
    pub average: String,
    pub label: String,
    pub count: String,
    pub tenths: i64,
}

/// `count` ratings summing `sum`, for cards, product and shop pages; none without ratings.
pub fn rating(ctx: &PageCtx, count: i32, sum: i32) -> Option<Rating> {
    (count > 0).then(|| {
        let tenths = average_tenths(count, sum);
        let average = ctx.tr.i18n().formatters.decimal(ctx.locale, tenths, 1);
        Rating {
            label: ctx.t1("review-rated", "average", &average),
            count: ctx.t_count("review-count", &i64::from(count)),
            average,
            tenths,
        }
    })
}

/// One review as a page shows it.
pub struct ReviewView {
    pub id: i64,
    pub stars: i32,
    pub stars_label: String,
    pub title: String,
    pub body: String,
    pub lang: String,
    /// "Written in Russian" when the review is not in the page's language.
    pub written_in: Option<String>,
    pub author: String,
    pub bought_in: String,
    pub variant: String,
    pub date: String,
    /// The date for machines (`YYYY-MM-DD`).
    pub iso_date: String,
    /// (large, thumbnail, width, height) URLs and sizes.
    pub photos: Vec<(String, String, i32, i32)>,
    pub reply: Option<(String, String)>,
    pub report_url: String,
    pub hidden_reason: String,
}

pub fn review_view(
    ctx: &PageCtx,
    row: &ReviewRow,
    photos: Vec<(String, String, i32, i32)>,
) -> ReviewView {
    let country = CountryCode::parse(&row.country)
        .map(|c| ctx.country_name(&c))
        .unwrap_or_default();
    ReviewView {
        id: row.id,
        stars: row.rating,
        stars_label: ctx.t_count("review-stars", &i64::from(row.rating)),
        title: row.title.clone(),
        body: row.body.clone(),
        written_in: (row.lang != ctx.lang()).then(|| {
            ctx.tr
                .t_args("review-written-in", &[("lang", Arg::Str(&row.lang))])
        }),
        lang: row.lang.clone(),
        author: row.author.clone(),
        bought_in: ctx.t1("review-bought-in", "country", &country),
        variant: row.variant_label.clone(),
        date: ctx.date(row.created_at.date()),
        iso_date: row.created_at.date().to_string(),
        photos,
        reply: (!row.reply.is_empty()).then(|| (row.reply.clone(), row.reply_lang.clone())),
        report_url: routes::review_report(ctx.locale, row.id),
        hidden_reason: row.hidden_reason.clone(),
    }
}

fn item_view(ctx: &PageCtx, i: &Item) -> ReviewView {
    let photos = i
        .photos
        .iter()
        .map(|p| {
            (
                routes::media(&p.path),
                routes::media(&p.thumb_path),
                p.width,
                p.height,
            )
        })
        .collect();
    review_view(ctx, &i.row, photos)
}

/// The distribution: (stars, label, count, percent).
pub struct Bar {
    pub stars: i32,
    pub label: String,
    pub count: i32,
    pub percent: i64,
}

/// What a product page shows of its reviews: the summary, the first few and a link to all of them.
pub struct Summary {
    pub rating: Option<Rating>,
    pub bars: Vec<Bar>,
    pub items: Vec<ReviewView>,
    pub all_url: String,
    pub total: i64,
}

pub fn bars(ctx: &PageCtx, s: &Stars) -> Vec<Bar> {
    s.percents()
        .into_iter()
        .map(|(stars, count, percent)| Bar {
            stars,
            label: ctx.t_count("review-stars", &i64::from(stars)),
            count,
            percent,
        })
        .collect()
}

pub fn summary(ctx: &PageCtx, r: &Reviews, all_url: String) -> Summary {
    Summary {
        rating: rating(ctx, r.stars.count, r.stars.sum),
        bars: bars(ctx, &r.stars),
        items: r.items.iter().map(|i| item_view(ctx, i)).collect(),
        all_url,
        total: r.total,
    }
}

#[derive(Template)]
#[template(path = "reviews/product.html")]
pub struct ProductReviewsPage {
    pub ctx: PageCtx,
    pub product_title: String,
    pub product_url: String,
    pub s: Summary,
    pub action: String,
    pub star_choices: Vec<Choice>,
    pub lang_choices: Vec<Choice>,
    pub with_photos: bool,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub reasons: Vec<Choice>,
    pub signed_in: bool,
}

/// The query of a filtered page (`page` 1 left out).
fn filter_query(f: &Filter, page: i64) -> String {
    let mut pairs = Vec::new();
    if let Some(s) = f.stars {
        pairs.push(("stars", s.to_string()));
    }
    if f.with_photos {
        pairs.push(("photos", "1".to_string()));
    }
    if let Some(l) = &f.lang {
        pairs.push(("lang", l.clone()));
    }
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    routes::query(&pairs)
}

/// A product's reviews page: `title` and (id, slug) of the product, the filter and page shown.
pub fn product_page(
    ctx: PageCtx,
    (title, id, slug): (String, i64, &str),
    r: &Reviews,
    f: &Filter,
    page: i64,
) -> ProductReviewsPage {
    let l = ctx.locale;
    let base = |q: String| routes::product_reviews(l, id, slug, &q);
    let mut star_choices = vec![Choice {
        value: String::new(),
        label: ctx.t("review-filter-all-stars"),
        selected: f.stars.is_none(),
    }];
    star_choices.extend((1..=5).rev().map(|s| Choice {
        value: s.to_string(),
        label: ctx.t_count("review-stars", &i64::from(s)),
        selected: f.stars == Some(s),
    }));
    let mut lang_choices = vec![Choice {
        value: String::new(),
        label: ctx.t("review-filter-all-langs"),
        selected: f.lang.is_none(),
    }];
    lang_choices.extend(r.langs.iter().filter_map(|(code, n)| {
        Locale::parse(code).map(|x| Choice {
            value: code.clone(),
            label: format!("{} ({n})", x.autonym()),
            selected: f.lang.as_deref() == Some(code.as_str()),
        })
    }));
    let reasons = super::moderation::REASONS
        .iter()
        .map(|r| Choice {
            value: (*r).to_string(),
            label: ctx.t(&format!("review-reason-{r}")),
            selected: false,
        })
        .collect();
    let pages = (r.total + PER_PAGE - 1) / PER_PAGE;
    ProductReviewsPage {
        product_url: routes::product(l, id, slug),
        s: summary(&ctx, r, String::new()),
        action: base(String::new()),
        star_choices,
        lang_choices,
        with_photos: f.with_photos,
        prev: (page > 1).then(|| base(filter_query(f, page - 1))),
        next: (page < pages).then(|| base(filter_query(f, page + 1))),
        reasons,
        signed_in: ctx.user.is_some(),
        product_title: title,
        ctx,
    }
}

#[derive(Template)]
#[template(path = "reviews/write.html")]
pub struct WritePage {
    pub ctx: PageCtx,
    pub product_title: String,
    pub variant: String,
    pub order_number: String,
    pub rating: String,
    pub fields: Vec<Field>,
    pub rating_error: Option<String>,
    pub photos_error: Option<String>,
    pub summary: Vec<(String, String)>,
    pub action: String,
    pub max_photos: i64,
}

pub fn write_page(
    ctx: PageCtx,
    b: &super::eligibility::Bought,
    form: &ReviewForm,
    errors: &FormErrors,
) -> WritePage {
    let langs = Locale::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: form.lang == l.code(),
        })
        .collect();
    let fields = vec![
        Field::new(&ctx, "title", "text", &form.title, errors)
            .label(ctx.t("review-field-title"))
            .max(MAX_TITLE)
            .optional(),
        Field::new(&ctx, "body", "textarea", &form.body, errors)
            .label(ctx.t("review-field-body"))
            .max(MAX_TEXT)
            .optional(),
        Field::new(&ctx, "lang", "select", &form.lang, errors)
            .label(ctx.t("review-field-lang"))
            .options(langs),
    ];
    WritePage {
        product_title: b.title.clone(),
        variant: b.variant_label.clone(),
        order_number: b.order_number.clone(),
        rating: form.rating.clone(),
        rating_error: errors.get("rating").map(|id| ctx.t(id)),
        photos_error: errors.get("photos").map(|id| ctx.t(id)),
        summary: forms::summary(&ctx, errors),
        action: routes::review_new(ctx.locale, b.line_id),
        max_photos: i64::try_from(super::model::MAX_PHOTOS).unwrap_or(4),
        fields,
        ctx,
    }
}

pub enum Chrome {
    Staff(StaffChrome),
    Merchant(MerchantChrome),
}

/// A review in the shop's list or the moderation queue, with its product and what can be done to it.
pub struct Managed {
    pub review: ReviewView,
    pub product: String,
    pub hidden: bool,
    pub reports: i64,
    pub reasons: Vec<String>,
    pub action: String,
    pub restore: String,
}

#[derive(Template)]
#[template(path = "reviews/manage.html")]
pub struct ManagePage {
    pub ctx: PageCtx,
    pub area: Chrome,
    pub heading: String,
    pub intro: String,
    pub lines: Vec<Managed>,
    pub langs: Vec<Choice>,
    pub staff: bool,
}

/// A managed review: `product` its product's title, `reasons` its reports' reasons (staff).
pub fn managed(ctx: &PageCtx, staff: bool, row: &ReviewRow, reasons: &[String]) -> Managed {
    let l = ctx.locale;
    Managed {
        review: review_view(ctx, row, Vec::new()),
        product: row.product_title.clone(),
        hidden: row.hidden(),
        reports: i64::from(row.reports),
        reasons: reasons
            .iter()
            .map(|r| ctx.t(&format!("review-reason-{r}")))
            .collect(),
        action: routes::review_action(l, staff, row.id, if staff { "hide" } else { "reply" }),
        restore: routes::review_action(l, staff, row.id, "restore"),
    }
}

pub fn manage_page(ctx: PageCtx, area: Chrome, lines: Vec<Managed>) -> ManagePage {
    let staff = matches!(area, Chrome::Staff(_));
    let langs = Locale::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: *l == ctx.locale,
        })
        .collect();
    ManagePage {
        heading: ctx.t(if staff {
            "review-queue-title"
        } else {
            "review-shop-title"
        }),
        intro: ctx.t(if staff {
            "review-queue-intro"
        } else {
            "review-shop-intro"
        }),
        lines,
        langs,
        staff,
        area,
        ctx,
    }
}

#[derive(Template)]
#[template(path = "reviews/refused.html")]
pub struct RefusedPage {
    pub ctx: PageCtx,
    pub message: String,
    pub orders_url: String,
}

pub fn refused_page(ctx: PageCtx, r: super::model::Refusal) -> RefusedPage {
    RefusedPage {
        message: ctx.t(r.message_id()),
        orders_url: routes::orders(ctx.locale),
        ctx,
    }
}
