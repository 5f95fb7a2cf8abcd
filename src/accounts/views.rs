use askama::Template;

use crate::http::forms::Field;
use crate::http::page::PageCtx;

#[derive(Template)]
#[template(path = "accounts/sign_in.html")]
pub struct SignInPage {
    pub ctx: PageCtx,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
    pub return_to: String,
    pub sign_up_url: String,
}

#[derive(Template)]
#[template(path = "accounts/sign_up.html")]
pub struct SignUpPage {
    pub ctx: PageCtx,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
    pub return_to: String,
    pub sign_in_url: String,
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
pub struct AccountPage {
    pub ctx: PageCtx,
    pub email: String,
    pub role_label: String,
    pub profile_fields: Vec<Field>,
    pub profile_summary: Vec<(String, String)>,
    pub password_fields: Vec<Field>,
    pub password_summary: Vec<(String, String)>,
    pub email_fields: Vec<Field>,
    pub email_summary: Vec<(String, String)>,
    /// Latest order messages: (text, when).
    pub notifications: Vec<(String, String)>,
}

/// The password-reset pages: ask for a link (`ask`), the answer (`sent`), choose a new password (`choose`), or a
/// link that no longer works (`invalid`).
#[derive(Template)]
#[template(path = "accounts/password_reset.html")]
pub struct ResetPage {
    pub ctx: PageCtx,
    pub stage: &'static str,
    pub fields: Vec<Field>,
    pub summary: Vec<(String, String)>,
    /// Where the form posts.
    pub action: String,
}
