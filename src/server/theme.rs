//! `POST /ui/theme`: the header's theme switch sets (or, for "system",
//! clears) its cookie and goes back to the page it was on.

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::post,
    Form, Router,
};
use serde::Deserialize;

use super::{cookies, state::AppState};
use crate::app::theme::{Theme, THEME_COOKIE, THEME_PATH};

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
    let cookie = cookies::remembered(THEME_COOKIE, theme.attribute());
    cookies::set_and_go_back(&cookie, choice.back.as_deref())
}
