//! How the panel writes times and counts.

use leptos::prelude::*;

/// `2026-11-22T15:04:05Z` → `2026-11-22 15:04` (UTC, stated in the attribute).
pub fn short_time(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_else(|| rfc3339.to_owned())
}

/// A time in UTC, or `none` in muted text.
pub fn time_or(value: Option<String>, none: &'static str) -> AnyView {
    match value {
        Some(t) => view! { <time datetime=t.clone()>{short_time(&t)}" UTC"</time> }.into_any(),
        None => view! { <span class="muted">{none}</span> }.into_any(),
    }
}

/// `1 user`, `3 users`.
pub fn count_of(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_drop_seconds_and_counts_agree() {
        assert_eq!(short_time("2026-11-22T15:04:05Z"), "2026-11-22 15:04");
        assert_eq!(short_time("soon"), "soon");
        assert_eq!(count_of(1, "user", "users"), "1 user");
        assert_eq!(count_of(0, "user", "users"), "0 users");
    }
}
