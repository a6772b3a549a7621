//! The audit log as the panel reads it: the filtered list and one target's
//! history. Filters are the API's `filter[...]` values, as typed, under the
//! API's names.

use crate::model::{AppError, AuditRecord, Page};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Records per page in the panel.
pub const PAGE_SIZE: u32 = 50;

#[cfg(feature = "ssr")]
fn page_request(after: Option<String>, before: Option<String>) -> crate::model::PageRequest {
    use crate::model::PageRequest;
    match (
        after.filter(|c| !c.is_empty()),
        before.filter(|c| !c.is_empty()),
    ) {
        (_, Some(before)) => PageRequest::Last {
            size: PAGE_SIZE,
            before: Some(before),
        },
        (after, None) => PageRequest::First {
            size: PAGE_SIZE,
            after,
        },
    }
}

#[server(prefix = "/api", endpoint = "audit/list", input = GetUrl)]
pub async fn list_audit(
    filter: Option<std::collections::BTreeMap<String, String>>,
    after: Option<String>,
    before: Option<String>,
) -> Result<Page<AuditRecord>, AppError> {
    use crate::server_fns::{context::*, filters};

    as_caller(|state, caller| async move {
        let mut filter = filters::parse(filter, &[], |get| {
            crate::server::ops::audit::filter_from(get)
        })?;
        filter.page = page_request(after, before);
        crate::server::ops::audit::list(&state, &caller, filter).await
    })
    .await
}

/// The records about one user, organisation, ..., newest first.
#[server(prefix = "/api", endpoint = "audit/history", input = GetUrl)]
pub async fn audit_history(
    target_type: String,
    target_id: String,
    after: Option<String>,
    before: Option<String>,
) -> Result<Page<AuditRecord>, AppError> {
    use crate::model::AuditFilter;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let filter = AuditFilter {
            target_type: Some(target_type),
            target_id: Some(target_id),
            page: page_request(after, before),
            ..AuditFilter::default()
        };
        crate::server::ops::audit::list(&state, &caller, filter).await
    })
    .await
}
