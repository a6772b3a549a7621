//! The provider's own pages (consent, device, errors, sign-out): plain
//! server-rendered HTML with the panel's stylesheet and no script, so they
//! work without JavaScript and load fast for people who never see the panel.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Response},
};

use crate::server::{assets::STYLESHEET, csp, AppState};

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

/// A whole page: `body` is trusted HTML (escape what goes into it).
pub fn render(
    state: &AppState,
    status: StatusCode,
    title: &str,
    body: &str,
    form_target: &str,
) -> Response {
    let css = state.assets.url(STYLESHEET);
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <title>{title} · Gatehouse</title><link rel=\"stylesheet\" href=\"{css}\"></head>\
         <body><main id=\"main\" class=\"centered\"><div class=\"card narrow auth\">{body}</div></main></body></html>",
        title = esc(title),
        css = esc(&css),
    );
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

/// A page with a heading and a message.
pub fn message(state: &AppState, status: StatusCode, title: &str, text: &str) -> Response {
    render(
        state,
        status,
        title,
        &format!(
            "<h1>{}</h1><p role=\"status\">{}</p>",
            esc(title),
            esc(text)
        ),
        "",
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
}
