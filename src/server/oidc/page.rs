//! The provider's own pages (consent, device, errors, sign-out): plain
//! server-rendered HTML with the panel's stylesheet and no script, so they
//! work without JavaScript and load fast for people who never see the panel.

use axum::{
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Response},
};

use crate::{
    i18n::Language,
    server::{assets::STYLESHEET, csp, AppState},
    t,
};

/// The language of a page answering a request with these headers.
pub fn language(state: &AppState, headers: &HeaderMap) -> Language {
    crate::server::language::for_headers(headers, state.config.default_language)
}

/// HTML-escapes text for element content and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The origin a form's redirect chain may end at (`form-action`), from an
/// application's redirect URI: `https://host:port`, or `scheme:` for an app.
pub fn form_target(uri: &str) -> String {
    match url::Url::parse(uri) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => url.origin().ascii_serialization(),
        Ok(url) => format!("{}:", url.scheme()),
        Err(_) => String::new(),
    }
}

/// What a scope lets an application do, in plain words for the consent and
/// device pages; `None` for a scope that needs no saying.
pub fn scope_text(language: Language, scope: &str) -> Option<String> {
    Some(match scope {
        "openid" => t!(language; "oidc-scope-openid"),
        "profile" => t!(language; "oidc-scope-profile"),
        "email" => t!(language; "oidc-scope-email"),
        "groups" => t!(language; "oidc-scope-groups"),
        "offline_access" => t!(language; "oidc-scope-offline-access"),
        _ => return None,
    })
}

/// The scopes' descriptions as `<li>` items.
pub fn scope_items(language: Language, scopes: &[String]) -> String {
    scopes
        .iter()
        .filter_map(|s| scope_text(language, s))
        .map(|d| format!("<li>{}</li>", esc(&d)))
        .collect()
}

/// A whole page in `language`: `body` is trusted HTML (escape what goes
/// into it).
pub fn render(
    state: &AppState,
    language: Language,
    status: StatusCode,
    title: &str,
    body: &str,
    form_target: &str,
) -> Response {
    let html = document(language, title, body, &state.assets.url(STYLESHEET));
    let mut response = (status, Html(html)).into_response();
    if let Ok(policy) = HeaderValue::from_str(&csp::policy_with_form_targets(None, form_target)) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The page's HTML, with the stylesheet at `css`.
fn document(language: Language, title: &str, body: &str, css: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <title>{title} · Gatehouse</title><link rel=\"stylesheet\" href=\"{css}\"></head>\
         <body><main id=\"main\" class=\"centered\"><div class=\"card narrow auth\">{body}</div></main></body></html>",
        lang = language.code(),
        title = esc(title),
        css = esc(css),
    )
}

/// A page with a heading and a message (both plain text, escaped here).
pub fn message(
    state: &AppState,
    language: Language,
    status: StatusCode,
    title: &str,
    text: &str,
) -> Response {
    render(
        state,
        language,
        status,
        title,
        &message_body(title, text),
        "",
    )
}

fn message_body(title: &str, text: &str) -> String {
    format!(
        "<h1>{}</h1><p role=\"status\">{}</p>",
        esc(title),
        esc(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_form_targets() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            form_target("https://rp.example:8443/cb?x=1"),
            "https://rp.example:8443"
        );
        assert_eq!(form_target("com.example.app:/cb"), "com.example.app:");
    }

    #[test]
    fn a_page_in_french() {
        let language = Language::Fr;
        let title = t!(language; "oidc-device-expired");
        let html = document(
            language,
            &title,
            &message_body(&title, &t!(language; "oidc-device-expired-body")),
            "/pkg/gatehouse.css",
        );
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"fr\">"));
        assert!(html.contains("<title>Code expiré · Gatehouse</title>"));
        assert!(html.contains("<h1>Code expiré</h1>"));
        assert!(html.contains("Recommencez sur votre appareil."));
        // Values inserted into a message are escaped by the caller.
        let heading = t!(language; "oidc-consent-title", app = esc("<b>App</b>"));
        assert_eq!(heading, "Se connecter à &lt;b&gt;App&lt;/b&gt;");
    }

    #[test]
    fn scopes_read_as_before_in_english() {
        for (scope, description) in crate::model::application::SCOPE_DESCRIPTIONS {
            assert_eq!(
                scope_text(Language::En, scope).as_deref(),
                Some(description)
            );
        }
        assert_eq!(scope_text(Language::De, "address"), None);
        assert_eq!(
            scope_text(Language::De, "email").as_deref(),
            Some("Ihre E-Mail-Adresse sehen")
        );
    }
}
