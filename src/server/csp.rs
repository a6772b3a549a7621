//! The Content-Security-Policy of every response. Scripts run only from
//! this site's own files and, on panel pages, from the inline scripts that
//! carry the page's nonce (Leptos's hydration bootstrap and serialized
//! data): an injected `<script>` runs nowhere. Styles allow inline ones,
//! which cannot run code; WebAssembly needs `wasm-unsafe-eval`.

use axum::http::HeaderValue;

/// The policy; `nonce` is the one of a server-rendered panel page.
pub fn policy(nonce: Option<&str>) -> String {
    policy_with_form_targets(nonce, "")
}

/// The policy of a page whose form submission ends, through redirects, at
/// another site (an application's redirect URI after login or consent):
/// browsers apply `form-action` to every redirect of a form's navigation.
pub fn policy_with_form_targets(nonce: Option<&str>, targets: &str) -> String {
    let scripts = match nonce {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'{targets}; frame-ancestors 'none'",
        targets = if targets.is_empty() {
            String::new()
        } else {
            format!(" {targets}")
        }
    )
}

/// The policy of responses that set none of their own.
pub fn default_header() -> HeaderValue {
    HeaderValue::from_str(&policy(None)).expect("a valid header value")
}

/// `Strict-Transport-Security` for a server reached over https: browsers
/// then never try plain http for a year.
pub const HSTS: &str = "max-age=31536000";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_never_allow_unsafe_inline() {
        for p in [policy(None), policy(Some("abc"))] {
            let scripts = p
                .split(';')
                .find(|d| d.trim().starts_with("script-src"))
                .unwrap();
            assert!(!scripts.contains("unsafe-inline"), "{p}");
        }
        assert!(policy(Some("abc")).contains("'nonce-abc'"));
        assert!(default_header()
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'"));
    }
}
