//! `POST /ui/theme`: the header's theme switch sets (or, for "system",
//! clears) its cookie and goes back to the page it was on.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::post,
    Form, Router,
};
use serde::Deserialize;

use super::state::AppState;
use crate::{
    app::theme::{Theme, THEME_COOKIE, THEME_PATH},
    model::validate::local_path,
};

/// A year: the choice outlives sessions.
const REMEMBERED_SECS: u32 = 365 * 24 * 3600;

pub fn router() -> Router<AppState> {
    Router::new().route(THEME_PATH, post(choose))
}

#[derive(Deserialize)]
struct Choice {
    theme: String,
    back: Option<String>,
}

async fn choose(Form(choice): Form<Choice>) -> Response {
    let Some(theme) = Theme::parse(&choice.theme) else {
        return (StatusCode::BAD_REQUEST, "theme is light, dark or system").into_response();
    };
    let cookie = match theme.attribute() {
        Some(value) => format!(
            "{THEME_COOKIE}={value}; Path=/; Max-Age={REMEMBERED_SECS}; SameSite=Lax; HttpOnly"
        ),
        None => format!("{THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly"),
    };
    // Only back to a page of this site.
    let back = choice.back.as_deref().and_then(local_path).unwrap_or("/");
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Ok(cookie), Ok(back)) = (HeaderValue::from_str(&cookie), HeaderValue::from_str(back)) {
        headers.insert(header::SET_COOKIE, cookie);
        headers.insert(header::LOCATION, back);
    }
    response
}
