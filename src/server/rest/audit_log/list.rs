//! `GET /audit-log`: the records, newest first, with filters and cursor paging.

use super::schema::AuditListDocument;
use super::{audit_path, FilterParams};
use crate::server::ops::audit::FILTERS;
use crate::server::rest::prelude::*;
use crate::server::rest::users::list::PagingParams;

#[utoipa::path(
    get,
    path = "/audit-log",
    operation_id = "list_audit_log",
    tag = "audit log",
    summary = "List audit records",
    description = "One record per change made through the panel, the API, the CLI or jobs, newest first. Filters combine with AND. Unknown parameters and bad values are a 400 naming the parameter.",
    params(FilterParams, PagingParams),
    responses(
        (status = 200, description = "One page of audit records", body = AuditListDocument),
        (status = 400, description = "An unknown parameter or a bad value", body = BadRequestError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    QueryString(raw): QueryString,
) -> Result<Response, ApiError> {
    let query = ListQuery::parse(&raw, &FILTERS)?;
    let filter = query.filter(|get| ops::audit::filter_from(get))?;
    let page = ops::audit::list(&state, &caller, filter).await?;
    Ok(query.page_response(&page, &audit_path(), &raw))
}
