//! `GET /registration-tokens`: cursor-paged list in token order, with
//! `filter[valid|used|revoked|expired]=true|false` and `count`. Unknown
//! parameters and bad values are a 400 naming the parameter.

use super::collection_path;
use super::schema::RegistrationTokenListDocument;
use crate::model::RegistrationTokenFilter;
use crate::server::rest::prelude::*;

/// The filter, and the query it was read from (for the paging links).
pub fn parse_query(raw: &str) -> Result<(RegistrationTokenFilter, ListQuery), AppError> {
    let query = ListQuery::parse(raw, &ops::registration::FILTERS)?;
    let filter = query.filter(|get| ops::registration::filter_from(get))?;
    Ok((filter, query))
}

/// Doc-only: the filters of the list.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct FilterParams {
    /// Usable now (`true`): not revoked, not expired, uses left; or not (`false`).
    #[param(rename = "filter[valid]")]
    valid: Option<bool>,
    /// Used at least once (`completed > 0`), or never.
    #[param(rename = "filter[used]")]
    used: Option<bool>,
    /// Revoked, or not.
    #[param(rename = "filter[revoked]")]
    revoked: Option<bool>,
    /// Past its expiry, or not (tokens without expiry never are).
    #[param(rename = "filter[expired]")]
    expired: Option<bool>,
}

#[utoipa::path(
    get,
    path = "/registration-tokens",
    operation_id = "list_registration_tokens",
    tag = "registration tokens",
    summary = "List registration tokens",
    description = "In byte order of the token, cursor-paged (cursors are opaque). Unknown parameters and bad values are a 400 naming the parameter in `source.parameter`.",
    params(FilterParams, crate::server::rest::users::list::PagingParams),
    responses(
        (status = 200, description = "One page of tokens", body = RegistrationTokenListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let (filter, query) = parse_query(&raw)?;
    let page = ops::registration::list(&state, &caller, filter).await?;
    Ok(query.page_response(&page, &collection_path(), &raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CountMode;

    #[test]
    fn parses_filters_and_refuses_unknown_ones() {
        let (f, query) = parse_query("filter[valid]=true&filter[used]=false&count=false").unwrap();
        assert_eq!(
            (f.valid, f.used, f.revoked),
            (Some(true), Some(false), None)
        );
        assert_eq!(f.count, CountMode::Skip);
        assert_eq!(
            query.encoded,
            "filter[valid]=true&filter[used]=false&count=false"
        );
        let param = |q: &str| match parse_query(q).unwrap_err() {
            AppError::BadRequest { parameter, .. } => parameter.unwrap(),
            other => panic!("{other:?}"),
        };
        assert_eq!(param("filter[colour]=red"), "filter[colour]");
        assert_eq!(param("filter[expired]=1"), "filter[expired]");
        assert_eq!(param("count=maybe"), "count");
    }
}
