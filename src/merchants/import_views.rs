//! The merchant's translation coverage and CSV import pages.

use super::area_views::{CoveragePage, ImportPage, ImportProblem};
use super::csv_io::{FileProblem, Plan, MAX_ERRORS_SHOWN};
use super::own_products::{self, ListFilter, ListedProduct};
use super::product_views::product_line;
use crate::backoffice::merchant::{self as area, MerchantChrome};
use crate::http::page::{Choice, PageCtx};
use crate::i18n::{Arg, Locale};
use crate::routes;

/// Products missing a language's texts (or all), with the language filter kept as typed in the paging links.
pub fn coverage_page(
    ctx: PageCtx,
    chrome: MerchantChrome,
    filter: &ListFilter,
    missing_typed: &str,
    rows: &[ListedProduct],
    total: i64,
) -> CoveragePage {
    let missing = filter.missing;
    let mut filters = vec![Choice {
        value: String::new(),
        label: ctx.t("coverage-all"),
        selected: missing.is_none(),
    }];
    filters.extend(Locale::ALL.iter().map(|l| Choice {
        value: l.code().to_string(),
        label: ctx.t1("coverage-missing", "language", l.autonym()),
        selected: missing == Some(*l),
    }));
    let base = routes::merchant(ctx.locale, "/translations");
    let paging = area::paging(
        &ctx,
        &base,
        &[("missing", missing_typed.to_string())],
        filter.page,
        total,
        own_products::LIST_PAGE_SIZE,
    );
    CoveragePage {
        filters,
        langs: Locale::ALL
            .iter()
            .map(|l| (l.code(), l.autonym()))
            .collect(),
        lines: rows.iter().map(|p| product_line(&ctx, p)).collect(),
        total: ctx.t_count("merchant-products-count", &total),
        paging,
        chrome,
        ctx,
    }
}

/// The import page: the categories' keys, the columns, and the outcome of a check or an apply.
pub fn import_page(
    ctx: PageCtx,
    chrome: MerchantChrome,
    categories: Vec<(String, String)>,
    outcome: Option<(Result<&Plan, &FileProblem>, Option<String>)>,
) -> ImportPage {
    let mut page = ImportPage {
        categories,
        export_url: routes::merchant(ctx.locale, "/products.csv"),
        columns: super::csv_io::header().join(", "),
        file_problem: None,
        problems: Vec::new(),
        problems_label: None,
        ready: None,
        chrome,
        ctx,
    };
    let ctx = &page.ctx;
    match outcome {
        None => {}
        Some((Err(p), _)) => {
            page.file_problem = Some(ctx.t1(p.message_id, "column", &p.arg));
        }
        Some((Ok(plan), token)) => {
            if plan.problems.is_empty() {
                let n = |v: usize| ctx.tr.i18n().formatters.number(ctx.locale, v as i64);
                let line = ctx.tr.t_args(
                    "import-ready",
                    &[
                        ("created", Arg::Str(&n(plan.creates()))),
                        ("updated", Arg::Str(&n(plan.updates()))),
                        ("count", Arg::Num(plan.rows.len() as i64)),
                    ],
                );
                page.ready = token.map(|t| (line, t));
            } else {
                page.problems_label =
                    Some(ctx.t_count("import-problems", &(plan.problems.len() as i64)));
                page.problems = plan
                    .problems
                    .iter()
                    .take(MAX_ERRORS_SHOWN)
                    .map(|p| ImportProblem {
                        line: ctx.t1(
                            "import-line",
                            "line",
                            &ctx.tr.i18n().formatters.number(ctx.locale, p.line as i64),
                        ),
                        column: p.column.clone(),
                        message: ctx.t1(&p.message_id, "line", &p.arg),
                    })
                    .collect();
            }
        }
    }
    page
}
