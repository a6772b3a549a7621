//! Which language a page is served in — the language stored on the reader's
//! account (put in the cookie at login and when chosen on `/account`), else
//! the one chosen in a public page's menu (the same cookie), else the best
//! match for `Accept-Language`, else `[ui] default_language` — and
//! `POST /ui/language`, the public pages' menu.

use axum::{
    http::{header, request::Parts, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::post,
    Form, Router,
};
use leptos::prelude::use_context;
use serde::Deserialize;

use super::{cookies, state::AppState};
use crate::i18n::{Language, LANGUAGE_COOKIE, LANGUAGE_PATH};

pub fn router() -> Router<AppState> {
    Router::new().route(LANGUAGE_PATH, post(choose))
}

/// The language of a request with these headers.
pub fn for_headers(headers: &HeaderMap, default: Language) -> Language {
    cookies::value(headers, LANGUAGE_COOKIE)
        .and_then(Language::parse)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::negotiate)
        })
        .unwrap_or(default)
}

/// The language of the page being rendered (leptos context).
pub fn of_request() -> Language {
    let default = use_context::<AppState>()
        .map(|s| s.config.default_language)
        .unwrap_or_default();
    use_context::<Parts>()
        .map(|parts| for_headers(&parts.headers, default))
        .unwrap_or(default)
}

/// `Set-Cookie` that remembers `language` (`None`: back to the browser's).
pub fn cookie(language: Option<Language>) -> String {
    cookies::remembered(LANGUAGE_COOKIE, language.map(Language::code))
}

#[derive(Deserialize)]
struct Choice {
    /// A language code, or empty for the browser's own.
    language: String,
    back: Option<String>,
}

async fn choose(Form(choice): Form<Choice>) -> Response {
    let language = match choice.language.trim() {
        "" => None,
        raw => match Language::parse(raw) {
            Some(language) => Some(language),
            None => return (StatusCode::BAD_REQUEST, "unknown language").into_response(),
        },
    };
    cookies::set_and_go_back(&cookie(language), choice.back.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(name.clone(), value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn the_cookie_wins_then_the_browser_then_the_default() {
        let both = headers(&[
            (header::COOKIE, "gatehouse_lang=de"),
            (header::ACCEPT_LANGUAGE, "fr-CH, fr;q=0.9, en;q=0.8"),
        ]);
        assert_eq!(for_headers(&both, Language::En), Language::De);
        let browser = headers(&[(header::ACCEPT_LANGUAGE, "fr-CH, fr;q=0.9, en;q=0.8")]);
        assert_eq!(for_headers(&browser, Language::En), Language::Fr);
        let unknown = headers(&[(header::ACCEPT_LANGUAGE, "ja, zh;q=0.5")]);
        assert_eq!(for_headers(&unknown, Language::Es), Language::Es);
        let bad_cookie = headers(&[(header::COOKIE, "gatehouse_lang=xx")]);
        assert_eq!(for_headers(&bad_cookie, Language::De), Language::De);
    }
}
