//! The public site pages: `/{lang}/info/{key}`.

use actix_web::{web, HttpRequest, HttpResponse};

use super::views::InfoPage;
use super::{service, PageKey};
use crate::error::{AppError, AppResult};
use crate::http::extract::Lang;
use crate::http::page::PageCtx;
use crate::http::page_cache::Cached;
use crate::http::state::AppState;

pub async fn page(
    req: HttpRequest,
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (l, key) = (
        lang.0,
        PageKey::parse(&path.1).ok_or_else(AppError::not_found)?,
    );
    let mut ctx = PageCtx::shopper(&req, &state, l);
    let punch = match crate::campaigns::pages::cached(&state, &mut ctx).await {
        Cached::Hit(r) => return Ok(r),
        Cached::Miss(p) => p,
    };
    let shown = state.db(move |c| service::show(c, key, l)).await?;
    let page = InfoPage::new(ctx, key, shown, &state.config.operator);
    state.pages.render(punch, &page)
}
