//! `GET /invitations`: newest first, cursor-paged, with
//! `filter[status]=invited|registered|expired`.

use super::collection_path;
use super::schema::InvitationListDocument;
use crate::model::email::InvitationStatus;
use crate::server::ops::email::invitations::{InvitationPage, PAGE};
use crate::server::rest::prelude::*;

const KNOWN: [&str; 4] = ["filter[status]", "page[after]", "page[first]", "page[last]"];

/// Doc-only: the parameters of the list.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct InvitationParams {
    /// Only invitations in this state.
    #[param(rename = "filter[status]")]
    status: Option<InvitationStatus>,
    /// The cursor of the next page (from `links.next`).
    #[param(rename = "page[after]")]
    after: Option<String>,
    /// The first (newest) N, 1 to 100 (default 50).
    #[param(rename = "page[first]", minimum = 1, maximum = 100)]
    first: Option<i64>,
    /// The last (oldest) N, 1 to 100.
    #[param(rename = "page[last]", minimum = 1, maximum = 100)]
    last: Option<i64>,
}

fn page_size(
    params: &std::collections::HashMap<String, String>,
    key: &str,
) -> Result<Option<i64>, AppError> {
    params
        .get(key)
        .map(|raw| {
            raw.parse::<i64>()
                .ok()
                .filter(|n| (1..=100).contains(n))
                .ok_or_else(|| {
                    AppError::bad_parameter(key, format!("{key} is a number from 1 to 100"))
                })
        })
        .transpose()
}

#[utoipa::path(
    get,
    path = "/invitations",
    operation_id = "list_invitations",
    tag = "invitations",
    summary = "List invitations",
    description = "Newest first, cursor-paged: `links.next` holds the next page.",
    params(InvitationParams),
    responses(
        (status = 200, description = "One page of invitations", body = InvitationListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let params = query_params(&raw, |k| KNOWN.contains(&k))?;
    let first = page_size(&params, "page[first]")?;
    let last = page_size(&params, "page[last]")?;
    if last.is_some() && (first.is_some() || params.contains_key("page[after]")) {
        return Err(AppError::bad_parameter(
            "page[last]",
            "page[last] cannot be combined with page[first] or page[after]",
        )
        .into());
    }
    let request = InvitationPage {
        status: params.get("filter[status]").cloned(),
        after: params.get("page[after]").cloned(),
        size: first.or(last),
        oldest: last.is_some(),
    };
    let filters = request
        .status
        .as_deref()
        .map(|s| format!("filter[status]={s}"))
        .unwrap_or_default();
    let size = request.size.unwrap_or(PAGE);
    let page = ops::email::invitations::list(&state, &caller, request).await?;
    Ok(page_response(
        &page,
        &collection_path(),
        &filters,
        &raw,
        size as u32,
    ))
}
