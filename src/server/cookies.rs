//! Reading a cookie of a request.

use axum::http::{header, HeaderMap};

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
