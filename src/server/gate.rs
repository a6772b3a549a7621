//! Forward authentication over HTTP, in each proxy's convention: nginx's
//! `auth_request` asks `/forward-auth/nginx` (the original address in
//! `X-Original-URL`, or `X-Original-URI` with the host; unauthenticated is
//! a 401 whose `Location` the proxy sends the browser to), Traefik's
//! `ForwardAuth` and Caddy's `forward_auth` ask `/forward-auth`
//! (`X-Forwarded-Proto/Host/Uri/Method`; unauthenticated is a 302 to the
//! login page). What is decided is decided in `ops::forward_auth`.

use std::net::SocketAddr;

use axum::{
    extract::{ConnectInfo, State},
    http::{header, request::Parts, HeaderMap, HeaderName, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Response},
    routing::any,
    Extension, Router,
};

use super::{
    auth::{network::ClientAddr, session::COOKIE_NAME},
    language,
    ops::forward_auth::{self, gate::Identity, Credentials, Target, Verdict},
    rest::ApiError,
    AppState,
};
use crate::{i18n::Language, t};

pub const NGINX_PATH: &str = "/forward-auth/nginx";
pub const PROXY_PATH: &str = "/forward-auth";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(NGINX_PATH, any(nginx))
        .route(PROXY_PATH, any(traefik_caddy))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Convention {
    Nginx,
    Forwarded,
}

async fn nginx(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    request: Parts,
) -> Response {
    answer(&state, &request, addr, Convention::Nginx).await
}

async fn traefik_caddy(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    request: Parts,
) -> Response {
    answer(&state, &request, addr, Convention::Forwarded).await
}

fn text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The request the proxy asks about, from its headers.
fn target(headers: &HeaderMap, convention: Convention) -> Option<Target> {
    let scheme = || {
        text(headers, "x-forwarded-proto")
            .filter(|p| matches!(*p, "http" | "https"))
            .unwrap_or("http")
            .to_owned()
    };
    let host = || text(headers, "x-forwarded-host").or_else(|| text(headers, "host"));
    if convention == Convention::Nginx {
        if let Some(original) = text(headers, "x-original-url") {
            let url = url::Url::parse(original).ok()?;
            let host = original
                .split_once("://")?
                .1
                .split(['/', '?', '#'])
                .next()?
                .to_owned();
            let uri = match url.query() {
                Some(q) => format!("{}?{q}", url.path()),
                None => url.path().to_owned(),
            };
            return Some(Target {
                scheme: url.scheme().to_owned(),
                host,
                uri,
            });
        }
        return Some(Target {
            scheme: scheme(),
            host: host()?.to_owned(),
            uri: text(headers, "x-original-uri").unwrap_or("/").to_owned(),
        });
    }
    Some(Target {
        scheme: scheme(),
        host: host()?.to_owned(),
        uri: text(headers, "x-forwarded-uri").unwrap_or("/").to_owned(),
    })
}

fn credentials(headers: &HeaderMap) -> Credentials<'_> {
    let session = super::cookies::value(headers, COOKIE_NAME);
    let bearer = text(headers, "authorization").and_then(|v| {
        let (scheme, token) = v.split_once(' ')?;
        scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
    });
    Credentials { session, bearer }
}

async fn answer(
    state: &AppState,
    request: &Parts,
    addr: ClientAddr,
    convention: Convention,
) -> Response {
    let headers = &request.headers;
    // The proxy passes the browser's cookies and Accept-Language along.
    let language = language::for_headers(headers, state.config.default_language);
    let peer = request
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip());
    // Anyone else could name any host in these headers.
    if !super::auth::network::is_trusted_proxy(peer, &state.config.trusted_proxies) {
        return page(
            language,
            StatusCode::FORBIDDEN,
            &t!(language; "oidc-gate-untrusted"),
            &t!(language; "oidc-gate-untrusted-body"),
        );
    }
    let Some(target) = target(headers, convention) else {
        return page(
            language,
            StatusCode::BAD_REQUEST,
            &t!(language; "oidc-gate-no-address"),
            &t!(language; "oidc-gate-no-address-body"),
        );
    };
    let decision = match forward_auth::check(state, &target, credentials(headers), addr).await {
        Ok(decision) => decision,
        Err(e) => return ApiError(e).into_response(),
    };
    match decision.verdict {
        Verdict::Allowed(who) => allowed(&who),
        Verdict::SignIn { return_to } => {
            let login = format!(
                "{}/login?next={}",
                public_base(state),
                urlencoding::encode(&return_to)
            );
            let method = text(headers, "x-forwarded-method")
                .or_else(|| text(headers, "x-original-method"))
                .unwrap_or("GET");
            // A browser navigating is sent to sign in; a script or a form
            // post cannot follow a login page, so it is told 401.
            let status = if convention == Convention::Forwarded
                && matches!(method.to_ascii_uppercase().as_str(), "GET" | "HEAD")
            {
                StatusCode::FOUND
            } else {
                StatusCode::UNAUTHORIZED
            };
            let mut response = (status, "Sign in first.\n").into_response();
            if let Ok(location) = HeaderValue::from_str(&login) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            no_store(response)
        }
        // Plain text: `page` escapes it, values and all.
        Verdict::NotAllowed(who) => page(
            language,
            StatusCode::FORBIDDEN,
            &t!(language; "oidc-gate-denied"),
            &match decision.application.as_deref() {
                Some(app) => t!(
                    language;
                    "oidc-gate-denied-body",
                    user = who.username.clone(),
                    app = app,
                ),
                None => t!(
                    language;
                    "oidc-gate-denied-body-unnamed",
                    user = who.username.clone(),
                ),
            },
        ),
        Verdict::UnknownHost => page(
            language,
            StatusCode::FORBIDDEN,
            &t!(language; "oidc-gate-unknown-host"),
            &t!(language; "oidc-gate-unknown-host-body", host = target.host.clone()),
        ),
    }
}

fn public_base(state: &AppState) -> &str {
    state.config.public_url.trim_end_matches('/')
}

/// 200 with who the user is, for the proxy to pass upstream.
fn allowed(who: &Identity) -> Response {
    let groups: Vec<&str> = who
        .memberships
        .iter()
        .map(|(_, name, _)| name.as_str())
        .collect();
    let mut response = StatusCode::OK.into_response();
    let values = [
        ("remote-user", Some(who.username.as_str())),
        ("remote-name", Some(who.name.as_str())),
        ("remote-email", who.email.as_deref()),
        ("remote-groups", Some(&groups.join(","))),
    ];
    for (name, value) in values {
        // Names may be Unicode (sent as UTF-8); a control character cannot
        // be sent at all.
        if let Some(value) = value.and_then(|v| HeaderValue::from_bytes(v.as_bytes()).ok()) {
            response
                .headers_mut()
                .insert(HeaderName::from_static(name), value);
        }
    }
    no_store(response)
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A small page for the person the proxy shows it to (`title` and
/// `message` are plain text).
fn page(language: Language, status: StatusCode, title: &str, message: &str) -> Response {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Gatehouse</title></head>\
         <body><main><h1>{title}</h1><p>{message}</p></main></body></html>\n",
        lang = language.code(),
        title = escape(title),
        message = escape(message)
    );
    no_store((status, Html(body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn nginx_sends_the_original_url_or_its_parts() {
        let t = target(
            &headers(&[("x-original-url", "https://Docs.Example.org:8443/a/b?x=1")]),
            Convention::Nginx,
        )
        .unwrap();
        assert_eq!(t.scheme, "https");
        assert_eq!(t.host, "Docs.Example.org:8443");
        assert_eq!(t.uri, "/a/b?x=1");
        let t = target(
            &headers(&[("host", "docs.example.org"), ("x-original-uri", "/x")]),
            Convention::Nginx,
        )
        .unwrap();
        assert_eq!(t.url(), "http://docs.example.org/x");
        assert!(target(
            &headers(&[("x-original-url", "not a url")]),
            Convention::Nginx
        )
        .is_none());
    }

    #[test]
    fn traefik_and_caddy_send_forwarded_headers() {
        let t = target(
            &headers(&[
                ("host", "gatehouse.internal"),
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "app.example.org"),
                ("x-forwarded-uri", "/dash?tab=1"),
            ]),
            Convention::Forwarded,
        )
        .unwrap();
        assert_eq!(t.url(), "https://app.example.org/dash?tab=1");
        // An odd scheme is not echoed into the return address.
        let t = target(
            &headers(&[
                ("x-forwarded-host", "a.example.org"),
                ("x-forwarded-proto", "javascript"),
            ]),
            Convention::Forwarded,
        )
        .unwrap();
        assert_eq!(t.url(), "http://a.example.org/");
    }

    #[test]
    fn the_session_cookie_and_a_bearer_token_are_read() {
        let h = headers(&[
            ("cookie", "theme=dark; gatehouse_session=abc123"),
            ("authorization", "Bearer gh_x"),
        ]);
        let c = credentials(&h);
        assert_eq!(c.session, Some("abc123"));
        assert_eq!(c.bearer, Some("gh_x"));
        let h = headers(&[("authorization", "Basic Zm9vOmJhcg==")]);
        let c = credentials(&h);
        assert_eq!(c.bearer, None);
        assert_eq!(c.session, None);
    }
}
