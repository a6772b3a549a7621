//! The panel's list URLs use the admin API's filter names (`filter[search]`,
//! `filter[inactive_days]`, `sort`, …), parsed by the API's one parser per
//! list, so both surfaces accept and refuse the same names and values.
//!
//! The panel once had short names of its own. Each table here is
//! `(old panel name, API name)`: a page request using an old name is
//! redirected to the same URL with the API name ([`modernize_query`]), so
//! bookmarks and old links keep working.

use std::collections::BTreeMap;

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

/// An organisation's members (`/orgs/{id}`): `?role=editor&search=…`
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

/// The registration tokens page once took one `filter=` whose value picked
/// the API filter that is `true`: `filter=used` is `filter[used]=true`.
pub const REGISTRATION_TOKEN_FILTER_PARAM: &str = "filter";
pub const REGISTRATION_TOKEN_FILTER_VALUES: &[(&str, &str)] = &[
    ("valid", "filter[valid]"),
    ("used", "filter[used]"),
    ("revoked", "filter[revoked]"),
    ("expired", "filter[expired]"),
];

/// The API name of an old panel parameter in `keys`.
pub fn api_name(keys: &[(&'static str, &'static str)], old: &str) -> Option<&'static str> {
    keys.iter().find(|(p, _)| *p == old).map(|(_, api)| *api)
}

/// The API parameter `filter[name]`.
pub fn filter_param(name: &str) -> String {
    format!("filter[{name}]")
}

/// The `filter[name]` parameters among `pairs` (API names; empty values
/// left out) as the map the panel's list server functions take, `name` →
/// value: they travel as `filter[name]=value`.
pub fn filter_map<'a>(
    pairs: impl IntoIterator<Item = (&'a str, Option<String>)>,
) -> Option<BTreeMap<String, String>> {
    let map: BTreeMap<String, String> = pairs
        .into_iter()
        .filter_map(|(k, v)| {
            let name = k.strip_prefix("filter[")?.strip_suffix(']')?;
            Some((name.to_owned(), v.filter(|v| !v.trim().is_empty())?))
        })
        .collect();
    (!map.is_empty()).then_some(map)
}

/// A query string `k=v&…` of (API name, value) pairs, names and values
/// percent-encoded (`filter%5Bsearch%5D=a%20b`), as the panel's links and
/// its redirects from old names write them.
pub fn encode_query<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                urlencoding::encode(k.as_ref()),
                urlencoding::encode(v.as_ref())
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The non-empty values of the parameters `names`, looked up by `get`, in
/// the order of `names`.
pub fn present(
    names: &[&'static str],
    get: impl Fn(&str) -> Option<String>,
) -> Vec<(&'static str, String)> {
    names
        .iter()
        .filter_map(|k| Some((*k, get(k).filter(|v| !v.trim().is_empty())?)))
        .collect()
}

/// `path?` followed by `pairs` and a `&` (when there are any): the start of
/// a paging link, to which the pager adds its cursor.
pub fn link_base<K: AsRef<str>, V: AsRef<str>>(path: &str, pairs: &[(K, V)]) -> String {
    if pairs.is_empty() {
        format!("{path}?")
    } else {
        format!("{path}?{}&", encode_query(pairs))
    }
}

/// The old panel names a page at `path` took.
fn old_names(path: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match path {
        "/users" => Some(USER_FILTER_KEYS),
        "/sessions" => Some(SESSION_FILTER_KEYS),
        "/orgs" => Some(ORG_FILTER_KEYS),
        "/audit" => Some(AUDIT_FILTER_KEYS),
        p if p
            .strip_prefix("/orgs/")
            .is_some_and(|id| !id.is_empty() && !id.contains('/')) =>
        {
            Some(MEMBER_FILTER_KEYS)
        }
        _ => None,
    }
}

/// The query of a panel page at `path` with every old parameter name
/// replaced by its API name, if it uses any: the target of a permanent
/// redirect. Other parameters and the order are kept as they were; a
/// renamed parameter's value is decoded and percent-encoded again. On
/// `/registration-tokens`, `filter=used` becomes `filter[used]=true` (and an
/// empty `filter=`, "all", is dropped).
pub fn modernize_query(path: &str, query: &str) -> Option<String> {
    let keys = old_names(path);
    if keys.is_none() && path != "/registration-tokens" {
        return None;
    }
    let mut changed = false;
    let mut out: Vec<String> = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = part.split_once('=').unwrap_or((part, ""));
        let name = form_decode(raw_name);
        // `Some(None)`: dropped; `Some(Some(pair))`: renamed.
        let renamed = match keys {
            Some(keys) => api_name(keys, &name)
                .filter(|api| *api != name)
                .map(|api| Some((api.to_owned(), form_decode(raw_value)))),
            None => (name == REGISTRATION_TOKEN_FILTER_PARAM)
                .then(|| registration_token_filter(&form_decode(raw_value))),
        };
        match renamed {
            Some(Some(pair)) => {
                changed = true;
                out.push(encode_query(&[pair]));
            }
            Some(None) => changed = true,
            None => out.push(part.to_owned()),
        }
    }
    changed.then(|| out.join("&"))
}

/// The old `filter=used` as `(filter[used], true)`; `filter=` (all): none.
/// A value not among the four becomes `filter[value]=true`, which the page
/// ignores like any parameter it does not know.
fn registration_token_filter(value: &str) -> Option<(String, String)> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let api = api_name(REGISTRATION_TOKEN_FILTER_VALUES, value)
        .map(str::to_owned)
        .unwrap_or_else(|| filter_param(value));
    Some((api, "true".to_owned()))
}

/// A query string component decoded (`+` is a space).
fn form_decode(s: &str) -> String {
    let s = s.replace('+', " ");
    urlencoding::decode(&s).map(|c| c.into_owned()).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_are_unique_and_map_to_api_names() {
        for keys in [
            USER_FILTER_KEYS,
            SESSION_FILTER_KEYS,
            ORG_FILTER_KEYS,
            MEMBER_FILTER_KEYS,
            AUDIT_FILTER_KEYS,
            REGISTRATION_TOKEN_FILTER_VALUES,
        ] {
            for (old, api) in keys {
                assert_eq!(api_name(keys, old), Some(*api));
                assert_eq!(keys.iter().filter(|(o, _)| o == old).count(), 1);
                assert!(*api == "sort" || api.starts_with("filter["), "{api}");
            }
        }
        assert_eq!(
            api_name(USER_FILTER_KEYS, "dormant"),
            Some("filter[inactive_days]")
        );
    }

    #[test]
    fn old_queries_are_rewritten_in_place() {
        assert_eq!(
            modernize_query("/users", "q=seed&dormant=30&size=10").as_deref(),
            Some("filter%5Bsearch%5D=seed&filter%5Binactive_days%5D=30&size=10")
        );
        // Other parameters keep their place and text; values are re-encoded.
        assert_eq!(
            modernize_query("/users", "col=email&q=a+b%26c&sort=-username&col=status&status=locked")
                .as_deref(),
            Some("col=email&filter%5Bsearch%5D=a%20b%26c&sort=-username&col=status&filter%5Bstatus%5D=locked")
        );
        assert_eq!(
            modernize_query("/sessions", "user=al%C3%AFce&active=true&after=X").as_deref(),
            Some("filter%5Busername%5D=al%C3%AFce&filter%5Bactive%5D=true&after=X")
        );
        assert_eq!(
            modernize_query("/audit", "actor=admin&target=user%3A01J&until=2026-01-31").as_deref(),
            Some("filter%5Bactor%5D=admin&filter%5Btarget%5D=user%3A01J&filter%5Buntil%5D=2026-01-31")
        );
        assert_eq!(
            modernize_query("/orgs", "search=main").as_deref(),
            Some("filter%5Bsearch%5D=main")
        );
        assert_eq!(
            modernize_query(
                "/orgs/01JD0000000000000000000000",
                "role=editor&search=&after=X"
            )
            .as_deref(),
            Some("filter%5Brole%5D=editor&filter%5Bsearch%5D=&after=X")
        );
        assert_eq!(
            modernize_query("/registration-tokens", "filter=used&after=X").as_deref(),
            Some("filter%5Bused%5D=true&after=X")
        );
        assert_eq!(
            modernize_query("/registration-tokens", "filter=&token=abc").as_deref(),
            Some("token=abc")
        );
    }

    #[test]
    fn new_queries_and_other_pages_are_left_alone() {
        for (path, query) in [
            ("/users", "filter%5Bsearch%5D=seed&size=10&sort=username"),
            ("/users", "filter[search]=seed&col=email"),
            ("/users", ""),
            ("/users/01JD0000000000000000000000", "tab=sessions&q=x"),
            ("/settings", "q=registration"),
            ("/sessions", "filter%5Busername%5D=alice"),
            ("/registration-tokens", "filter%5Bused%5D=true"),
            ("/orgs/01JD0000000000000000000000/x", "role=editor"),
        ] {
            assert_eq!(modernize_query(path, query), None, "{path}?{query}");
        }
    }
}
