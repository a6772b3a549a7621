//! Reading a cookie of a request, and the panel's remembered choices
//! (theme, language): a cookie set by a plain form post that goes back.

use axum::{
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use crate::model::validate::local_path;

/// A year: a choice outlives sessions.
const REMEMBERED_SECS: u32 = 365 * 24 * 3600;

/// `Set-Cookie` for a remembered choice; `None` forgets it.
pub fn remembered(name: &str, value: Option<&str>) -> String {
    match value {
        Some(value) => {
            format!("{name}={value}; Path=/; Max-Age={REMEMBERED_SECS}; SameSite=Lax; HttpOnly")
        }
        None => format!("{name}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly"),
    }
}

/// Sets `cookie` and goes back to `back` when it is a page of this site
/// (else to the dashboard).
pub fn set_and_go_back(cookie: &str, back: Option<&str>) -> Response {
    let back = back.and_then(local_path).unwrap_or("/");
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Ok(cookie), Ok(back)) = (HeaderValue::from_str(cookie), HeaderValue::from_str(back)) {
        headers.insert(header::SET_COOKIE, cookie);
        headers.insert(header::LOCATION, back);
    }
    response
}

/// The value of the cookie `name`, if the request sent it.
pub fn value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim_matches('"'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_one_cookie_among_several_headers() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, "a=1; theme=dark".parse().unwrap());
        headers.append(header::COOKIE, "b=\"2\"".parse().unwrap());
        assert_eq!(value(&headers, "theme"), Some("dark"));
        assert_eq!(value(&headers, "b"), Some("2"));
        assert_eq!(value(&headers, "them"), None);
    }
}
