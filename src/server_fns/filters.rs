//! The panel's list parameters handed to the API's filter parsers: values
//! are looked up by their API names (`model::filters`), and a 400 about one
//! of them is told back with the name the panel's URL uses.

use crate::model::{
    filters::{api_name, panel_name},
    AppError,
};

/// Parses the panel's `args` (by panel name) with `parse`, an ops
/// `filter_from` reading API names through `keys`.
pub fn parse<T>(
    keys: &[(&'static str, &'static str)],
    args: &[(&str, Option<String>)],
    parse: impl FnOnce(&dyn Fn(&str) -> Option<String>) -> Result<T, AppError>,
) -> Result<T, AppError> {
    debug_assert!(args.iter().all(|(p, _)| api_name(keys, p).is_some()));
    let get = |api: &str| {
        args.iter()
            .find(|(p, _)| api_name(keys, p) == Some(api))
            .and_then(|(_, v)| v.clone())
    };
    parse(&get).map_err(|e| in_panel_terms(keys, e))
}

/// A 400 naming an API parameter, renamed to the panel's parameter.
pub fn in_panel_terms(keys: &[(&'static str, &'static str)], e: AppError) -> AppError {
    match e {
        AppError::BadRequest {
            message,
            parameter: Some(api),
        } => match panel_name(keys, &api) {
            Some(panel) => AppError::BadRequest {
                message: message.replace(&api, panel),
                parameter: Some(panel.to_owned()),
            },
            None => AppError::BadRequest {
                message,
                parameter: Some(api),
            },
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filters::USER_FILTER_KEYS;

    #[test]
    fn errors_name_the_panel_parameter() {
        let e = parse(USER_FILTER_KEYS, &[("dormant", Some("x".into()))], |get| {
            Err::<(), _>(AppError::bad_parameter(
                "filter[inactive_days]",
                format!(
                    "filter[inactive_days] is {}",
                    get("filter[inactive_days]").unwrap()
                ),
            ))
        })
        .unwrap_err();
        match e {
            AppError::BadRequest { message, parameter } => {
                assert_eq!(parameter.as_deref(), Some("dormant"));
                assert_eq!(message, "dormant is x");
            }
            other => panic!("{other:?}"),
        }
    }
}
