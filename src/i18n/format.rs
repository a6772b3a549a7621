//! Numbers, dates and relative times in the page's language: separators
//! from CLDR (`num-format`), date layouts and month names from the locale
//! data of `chrono`, plural forms from the Fluent messages.

use chrono::{DateTime, Utc};
use fluent_templates::{fluent_bundle::FluentValue, LanguageIdentifier};
use intl_memoizer::{concurrent::IntlLangMemoizer, Memoizable};
use num_format::{Locale, ToFormattedString};

use super::Language;

impl Language {
    fn number_locale(self) -> Locale {
        match self {
            Self::En => Locale::en,
            Self::Fr => Locale::fr,
            Self::De => Locale::de,
            Self::Es => Locale::es,
        }
    }

    fn date_locale(self) -> chrono::Locale {
        match self {
            Self::En => chrono::Locale::en_US,
            Self::Fr => chrono::Locale::fr_FR,
            Self::De => chrono::Locale::de_DE,
            Self::Es => chrono::Locale::es_ES,
        }
    }

    /// `12345` → `12,345` (en), `12 345` (fr), `12.345` (de).
    pub fn number(self, n: i64) -> String {
        n.to_formatted_string(&self.number_locale())
    }

    /// A time stamp as its date in this language's layout and the time of
    /// day (UTC): `11/22/2026 15:04`, `22.11.2026 15:04`. Not a time stamp:
    /// as it came.
    pub fn date_time(self, rfc3339: &str) -> String {
        match DateTime::parse_from_rfc3339(rfc3339) {
            Ok(at) => at
                .with_timezone(&Utc)
                .format_localized("%x %H:%M", self.date_locale())
                .to_string(),
            Err(_) => rfc3339.to_owned(),
        }
    }

    /// Only the date: `11/22/2026`, `22/11/2026`.
    pub fn date(self, rfc3339: &str) -> String {
        match DateTime::parse_from_rfc3339(rfc3339) {
            Ok(at) => at
                .with_timezone(&Utc)
                .format_localized("%x", self.date_locale())
                .to_string(),
            Err(_) => rfc3339.to_owned(),
        }
    }
}

/// How long ago `then` was, seen at `now` (both RFC 3339): "3 minutes
/// ago", "il y a 3 minutes"; `None` for what is not a time stamp.
pub fn relative_time(language: Language, then: &str, now: &str) -> Option<String> {
    let then = DateTime::parse_from_rfc3339(then).ok()?;
    let now = DateTime::parse_from_rfc3339(now).ok()?;
    let seconds = (now - then).num_seconds().max(0);
    let (key, count) = match seconds {
        0..=59 => ("time-ago-seconds", seconds),
        60..=3599 => ("time-ago-minutes", seconds / 60),
        3600..=86_399 => ("time-ago-hours", seconds / 3600),
        _ => ("time-ago-days", seconds / 86_400),
    };
    Some(language.text_with(key, &[("count", count.into())]))
}

/// Digit grouping for the numbers inside messages (Fluent's own formatter
/// prints them bare), built once per bundle language.
pub struct Grouping(Locale);

impl Memoizable for Grouping {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let language = Language::parse(&lang.to_string()).unwrap_or_default();
        Ok(Self(language.number_locale()))
    }
}

/// The bundles' number formatter: whole numbers grouped per language;
/// anything else left to Fluent.
pub(super) fn number_in_message(value: &FluentValue, memo: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let n = number.value;
    if n.fract() != 0.0 || n.abs() >= 1e15 {
        return None;
    }
    memo.with_try_get::<Grouping, _, _>((), |g| (n as i64).to_formatted_string(&g.0))
        .ok()
}
