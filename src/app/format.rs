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

/// A part of a translated sentence: its own text, or the value at this
/// index of the ones placed in it.
pub enum Piece {
    Text(String),
    Value(usize),
}

/// Cuts a translated sentence around `values` placed in it (sought in
/// order), so each can be set in an element of its own (`<code>`, a span
/// with a test id) while translators keep the sentence whole. A value the
/// sentence lacks is left out.
pub fn pieces(text: &str, values: &[&str]) -> Vec<Piece> {
    let mut parts = Vec::new();
    let mut rest = text;
    for (i, value) in values.iter().enumerate() {
        let Some(at) = (!value.is_empty()).then(|| rest.find(value)).flatten() else {
            continue;
        };
        if at > 0 {
            parts.push(Piece::Text(rest[..at].to_owned()));
        }
        parts.push(Piece::Value(i));
        rest = &rest[at + value.len()..];
    }
    if !rest.is_empty() {
        parts.push(Piece::Text(rest.to_owned()));
    }
    parts
}

/// Stands in for a message's argument that is drawn as an element of its
/// own (`<strong>`, `<code>`): a private-use character no text contains.
pub const SLOT: &str = "\u{E000}";

/// A message rendered with [`SLOT`] as one argument, split around it:
/// (before, after). Translations may put the argument anywhere.
pub fn around_slot(message: String) -> (String, String) {
    match message.split_once(SLOT) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (message, String::new()),
    }
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
