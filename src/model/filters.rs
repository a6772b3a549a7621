//! The panel's list URL parameters and the admin API filters they stand for.
//! The panel keeps its short names (bookmarks and links use them); its
//! server functions translate them here and parse them with the API's one
//! parser per list, so both surfaces accept and refuse the same values.
//!
//! Each table is `(panel name, API name)`.

/// `/users?q=…&dormant=30…`
pub const USER_FILTER_KEYS: &[(&str, &str)] = &[
    ("q", "filter[search]"),
    ("status", "filter[status]"),
    ("admin", "filter[admin]"),
    ("dormant", "filter[inactive_days]"),
    ("created_after", "filter[created_after]"),
    ("created_before", "filter[created_before]"),
    ("org", "filter[org]"),
    ("sort", "sort"),
];

/// `/sessions?user=alice&active=true&ip=…` (`user` is a username).
pub const SESSION_FILTER_KEYS: &[(&str, &str)] = &[
    ("user", "filter[username]"),
    ("active", "filter[active]"),
    ("ip", "filter[ip]"),
];

/// `/orgs?search=…`
pub const ORG_FILTER_KEYS: &[(&str, &str)] = &[("search", "filter[search]")];

/// An organisation's members: `?role=editor&search=…`
pub const MEMBER_FILTER_KEYS: &[(&str, &str)] =
    &[("role", "filter[role]"), ("search", "filter[search]")];

/// `/audit?actor=…&target=user:…`
pub const AUDIT_FILTER_KEYS: &[(&str, &str)] = &[
    ("actor", "filter[actor]"),
    ("action", "filter[action]"),
    ("target", "filter[target]"),
    ("since", "filter[since]"),
    ("until", "filter[until]"),
];

/// The panel's registration tokens take one `filter=` whose value picks the
/// API filter that is `true`: `filter=used` is `filter[used]=true`.
pub const REGISTRATION_TOKEN_FILTER_PARAM: &str = "filter";
pub const REGISTRATION_TOKEN_FILTER_VALUES: &[(&str, &str)] = &[
    ("valid", "filter[valid]"),
    ("used", "filter[used]"),
    ("revoked", "filter[revoked]"),
    ("expired", "filter[expired]"),
];

/// The API name of a panel parameter in `keys`.
pub fn api_name(keys: &[(&'static str, &'static str)], panel: &str) -> Option<&'static str> {
    keys.iter().find(|(p, _)| *p == panel).map(|(_, api)| *api)
}

/// The panel name of an API parameter in `keys`.
pub fn panel_name(keys: &[(&'static str, &'static str)], api: &str) -> Option<&'static str> {
    keys.iter().find(|(_, a)| *a == api).map(|(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_both_ways_and_are_unique() {
        for keys in [
            USER_FILTER_KEYS,
            SESSION_FILTER_KEYS,
            ORG_FILTER_KEYS,
            MEMBER_FILTER_KEYS,
            AUDIT_FILTER_KEYS,
            REGISTRATION_TOKEN_FILTER_VALUES,
        ] {
            for (panel, api) in keys {
                assert_eq!(api_name(keys, panel), Some(*api));
                assert_eq!(panel_name(keys, api), Some(*panel));
            }
        }
        assert_eq!(
            api_name(USER_FILTER_KEYS, "dormant"),
            Some("filter[inactive_days]")
        );
    }
}
