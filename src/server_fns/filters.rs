//! The panel's list server functions take the API's filters as one map
//! `filter` (`filter[name]=value` in their URL, as on the page and in the
//! admin API) and hand them to the API's parser by their API names.

use std::collections::BTreeMap;

use crate::model::AppError;

/// Parses `filter` (`name` → value, for `filter[name]`) and `others` (other
/// API parameters, such as `sort`) with `parse`, an ops `filter_from`.
pub fn parse<T>(
    filter: Option<BTreeMap<String, String>>,
    others: &[(&str, Option<String>)],
    parse: impl FnOnce(&dyn Fn(&str) -> Option<String>) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let filter = filter.unwrap_or_default();
    let get = |api: &str| match api
        .strip_prefix("filter[")
        .and_then(|n| n.strip_suffix(']'))
    {
        Some(name) => filter.get(name).cloned(),
        None => others
            .iter()
            .find(|(k, _)| *k == api)
            .and_then(|(_, v)| v.clone()),
    };
    parse(&get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_looked_up_by_api_name() {
        let filter = BTreeMap::from([("inactive_days".to_owned(), "x".to_owned())]);
        let got = parse(Some(filter), &[("sort", Some("-username".into()))], |get| {
            Ok::<_, AppError>((
                get("filter[inactive_days]"),
                get("sort"),
                get("filter[search]"),
                get("inactive_days"),
            ))
        })
        .unwrap();
        assert_eq!(
            got,
            (Some("x".into()), Some("-username".into()), None, None)
        );
    }
}
