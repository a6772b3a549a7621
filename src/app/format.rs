//! How the panel writes times and counts, in the page's language (see
//! `crate::i18n` for the locale data).

use leptos::prelude::*;

use crate::i18n;

/// `2026-11-22T15:04:05Z` → `11/22/2026 15:04` (en), `22.11.2026 15:04`
/// (de): the date as the language writes it, the time of day in UTC.
pub fn short_time(rfc3339: &str) -> String {
    i18n::current().date_time(rfc3339)
}

/// A time in UTC (the full stamp in `datetime` and the tooltip), or `none`
/// in muted text.
pub fn time_or(value: Option<String>, none: impl Into<String>) -> AnyView {
    match value {
        Some(t) => view! { <time datetime=t.clone() title=t.clone()>{short_time(&t)}" UTC"</time> }
            .into_any(),
        None => view! { <span class="muted">{none.into()}</span> }.into_any(),
    }
}

/// A whole number with the language's digit grouping: `12,345`, `12.345`.
pub fn number(n: impl Into<i64>) -> String {
    i18n::current().number(n.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn times_and_numbers_follow_the_language_in_context() {
        let owner = Owner::new();
        owner.set();
        provide_context(Language::De);
        assert_eq!(short_time("2026-11-22T15:04:05Z"), "22.11.2026 15:04");
        assert_eq!(short_time("soon"), "soon");
        assert_eq!(number(12_345), "12.345");
    }
}
