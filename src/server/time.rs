//! Timestamps are stored as unix milliseconds and shown as RFC 3339 UTC.

use ::time::{format_description::BorrowedFormatItem, macros::format_description, OffsetDateTime};

const RFC3339_SECONDS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

pub fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

pub fn rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .ok()
        .and_then(|t| t.format(RFC3339_SECONDS).ok())
        .unwrap_or_default()
}

/// Parses an RFC 3339 time (any offset), or a bare date meaning its start
/// in UTC, into unix milliseconds.
pub fn parse_rfc3339(raw: &str) -> Option<i64> {
    if raw.len() == 10 {
        return parse_rfc3339(&format!("{raw}T00:00:00Z"));
    }
    let t = OffsetDateTime::parse(raw, &::time::format_description::well_known::Rfc3339).ok()?;
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).ok()
}

/// A new time-ordered id. Ids made in the same millisecond still increase,
/// so id order is creation order (lists page by id).
pub fn new_id() -> String {
    static GENERATOR: std::sync::Mutex<Option<ulid::Generator>> = std::sync::Mutex::new(None);
    let mut guard = GENERATOR.lock().unwrap_or_else(|e| e.into_inner());
    guard
        .get_or_insert_with(ulid::Generator::new)
        .generate()
        // Only after 2^80 ids in one millisecond: fall back to a random one.
        .unwrap_or_else(|_| ulid::Ulid::new())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:01Z"), Some(1000));
        assert_eq!(parse_rfc3339("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(
            parse_rfc3339("2026-11-22"),
            parse_rfc3339("2026-11-22T00:00:00Z")
        );
        assert_eq!(parse_rfc3339("yesterday!"), None);
    }

    #[test]
    fn formats_utc_seconds() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_360_445_999), "2026-11-22T15:14:05Z");
    }

    #[test]
    fn ids_are_ulids_and_increase() {
        let ids: Vec<String> = (0..1000).map(|_| new_id()).collect();
        assert!(ids.iter().all(|id| crate::model::validate::is_ulid(id)));
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}
