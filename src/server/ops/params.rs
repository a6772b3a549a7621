//! Readers of list filter values, shared by every list's `filter_from`: the
//! REST handlers and the panel's server functions hand in a lookup by the
//! API's parameter names, so each filter is parsed (and refused) one way.
//!
//! Every reader trims the value and treats an empty one as absent (an empty
//! form field or `filter[x]=` means "no filter"); a bad value is a 400 naming
//! its parameter.

use crate::{
    model::{validate, AppError},
    server::time::{now_ms, parse_rfc3339},
};

/// Longest free-text filter value (characters).
pub const MAX_TEXT: usize = 256;
/// Longest "not seen for N days" (a century).
pub const MAX_DAYS: i64 = 36_500;

/// A lookup of raw values by parameter name.
pub struct Params<G>(pub G);

impl<G: Fn(&str) -> Option<String>> Params<G> {
    /// The trimmed value, if any: what every other reader starts from.
    fn raw(&self, name: &str) -> Option<String> {
        (self.0)(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    /// Free text, at most [`MAX_TEXT`] characters.
    pub fn text(&self, name: &str) -> Result<Option<String>, AppError> {
        match self.raw(name) {
            Some(v) if v.chars().count() > MAX_TEXT => Err(AppError::bad_parameter(
                name,
                format!("{name} is longer than {MAX_TEXT} characters"),
            )),
            other => Ok(other),
        }
    }

    /// `true` or `false`.
    pub fn boolean(&self, name: &str) -> Result<Option<bool>, AppError> {
        self.parsed(
            name,
            |v| match v {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            "true or false",
        )
    }

    /// An RFC 3339 time, or a date meaning its midnight UTC; unix ms.
    pub fn instant(&self, name: &str) -> Result<Option<i64>, AppError> {
        self.parsed(
            name,
            parse_rfc3339,
            "an RFC 3339 time like 2026-01-31T00:00:00Z or a date like 2026-01-31",
        )
    }

    /// A number of days from 1 to [`MAX_DAYS`], as the time that many days
    /// ago (unix ms).
    pub fn days_ago(&self, name: &str) -> Result<Option<i64>, AppError> {
        let days = self.parsed(
            name,
            |v| v.parse::<i64>().ok().filter(|d| (1..=MAX_DAYS).contains(d)),
            &format!("a number of days from 1 to {MAX_DAYS}"),
        )?;
        Ok(days.map(|d| now_ms() - d * 86_400_000))
    }

    /// A ULID; `what` names what it identifies ("a user id").
    pub fn id(&self, name: &str, what: &str) -> Result<Option<String>, AppError> {
        self.parsed(name, |v| validate::is_ulid(v).then(|| v.to_owned()), what)
    }

    /// A value `parse` accepts; otherwise a 400 saying "{name} must be
    /// {expected}".
    pub fn parsed<T>(
        &self,
        name: &str,
        parse: impl FnOnce(&str) -> Option<T>,
        expected: &str,
    ) -> Result<Option<T>, AppError> {
        self.raw(name)
            .map(|v| {
                parse(&v).ok_or_else(|| {
                    AppError::bad_parameter(name, format!("{name} must be {expected}"))
                })
            })
            .transpose()
    }
}

/// A lookup over `(name, value)` pairs, for tests and callers that hold
/// their values in a list.
pub fn from_pairs<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

/// The parameter a 400 names (tests of the filter parsers).
#[cfg(test)]
pub(crate) fn parameter(e: AppError) -> String {
    match e {
        AppError::BadRequest { parameter, .. } => parameter.unwrap(),
        other => panic!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_values_are_absent() {
        let pairs = [("a", ""), ("b", "   ")];
        let p = Params(from_pairs(&pairs));
        assert_eq!(p.text("a").unwrap(), None);
        assert_eq!(p.boolean("b").unwrap(), None);
        assert_eq!(p.instant("a").unwrap(), None);
        assert_eq!(p.days_ago("b").unwrap(), None);
        assert_eq!(p.id("missing", "a user id").unwrap(), None);
    }

    #[test]
    fn values_are_trimmed_and_checked() {
        let long = "x".repeat(MAX_TEXT + 1);
        let pairs = [
            ("t", " al ice "),
            ("long", long.as_str()),
            ("b", "true"),
            ("bad", "yes"),
            ("day", "2026-01-31"),
            ("days", "30"),
            ("zero", "0"),
            ("id", "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"),
        ];
        let p = Params(from_pairs(&pairs));
        assert_eq!(p.text("t").unwrap().as_deref(), Some("al ice"));
        assert_eq!(parameter(p.text("long").unwrap_err()), "long");
        assert_eq!(p.boolean("b").unwrap(), Some(true));
        assert_eq!(parameter(p.boolean("bad").unwrap_err()), "bad");
        assert_eq!(p.instant("day").unwrap(), Some(1_769_817_600_000));
        assert_eq!(parameter(p.instant("bad").unwrap_err()), "bad");
        let ago = p.days_ago("days").unwrap().unwrap();
        assert!((now_ms() - ago - 30 * 86_400_000).abs() < 60_000);
        assert_eq!(parameter(p.days_ago("zero").unwrap_err()), "zero");
        assert!(p.id("id", "a user id").unwrap().is_some());
        assert_eq!(parameter(p.id("t", "a user id").unwrap_err()), "t");
    }
}
