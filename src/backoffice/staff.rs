//! What every staff page shows above its content, whichever feature serves it.

use crate::http::page::PageCtx;
use crate::i18n::Arg;
use crate::routes;

/// What every staff page shows above its content: the staff menu and the stale-rate warning.
pub struct StaffChrome {
    pub nav: Vec<(String, String, bool)>,
    pub stale_warning: Option<String>,
}

pub fn chrome(ctx: &PageCtx, current: &str, stale: &[String], max_age_days: i64) -> StaffChrome {
    let l = ctx.locale;
    let nav = [
        ("", "staff-nav-dashboard"),
        ("/merchants", "staff-nav-merchants"),
        ("/orders", "staff-nav-orders"),
        ("/promos", "staff-nav-promos"),
        ("/coupons", "staff-nav-coupons"),
        ("/reviews", "staff-nav-reviews"),
        ("/analytics", "staff-nav-analytics"),
        ("/categories", "staff-nav-categories"),
        ("/options", "staff-nav-options"),
        ("/rates", "staff-nav-rates"),
        ("/taxes", "staff-nav-taxes"),
        ("/destinations", "staff-nav-destinations"),
        ("/commissions", "staff-nav-commissions"),
        ("/payments", "staff-nav-payments"),
        ("/payouts", "staff-nav-payouts"),
        ("/mail", "staff-nav-mail"),
        ("/reports", "staff-nav-reports"),
        ("/pages", "staff-nav-pages"),
        ("/audit", "staff-nav-audit"),
    ]
    .iter()
    .map(|(rest, id)| (ctx.t(id), routes::staff(l, rest), *rest == current))
    .collect();
    let stale_warning = (!stale.is_empty()).then(|| {
        ctx.tr.t_args(
            "staff-rates-stale",
            &[
                ("currencies", Arg::Str(&stale.join(", "))),
                ("days", Arg::Num(max_age_days)),
            ],
        )
    });
    StaffChrome { nav, stale_warning }
}
