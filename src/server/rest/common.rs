//! How the endpoints turn what an operation returned into the answer, so
//! every list pages and every document links the same way.

use axum::{
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Serialize;

use super::{
    envelope::{collection_document, created_document},
    list_document, resource_document, ApiError, ListLinks, Resource,
};
use crate::model::{AppError, Page};

/// One page of a list, with links that keep the request's `filters`
/// (already encoded) and a `self` link with its whole query.
pub fn page_response<R: Resource>(
    page: &Page<R>,
    path: &str,
    filters: &str,
    self_query: &str,
    page_size: u32,
) -> Response {
    let links = ListLinks {
        path,
        filters,
        self_query,
        page_size,
    };
    Json(list_document(page, &links)).into_response()
}

/// A whole small collection as one page.
pub fn collection_response<R: Resource>(items: &[R], path: &str) -> Response {
    Json(collection_document(items, path)).into_response()
}

/// One resource, linked under its collection's `path`.
pub fn resource_response<R: Resource>(item: &R, path: &str) -> Response {
    Json(resource_document(item, path)).into_response()
}

/// 201 with the new resource, and its URL in `Location`.
pub fn created_response<R: Resource>(item: &R, path: &str) -> Response {
    created(item, path, resource_document(item, path))
}

/// 201 with the new resource, a value shown this once in `meta` (a secret),
/// and its URL in `Location`.
pub fn created_with_meta<R: Resource, M: Serialize>(item: &R, path: &str, meta: M) -> Response {
    created(item, path, created_document(item, path, meta))
}

fn created<R: Resource>(item: &R, path: &str, document: impl Serialize) -> Response {
    let location = format!("{path}/{}", item.id());
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(document),
    )
        .into_response()
}

/// 204 once the operation is done (what it returns is not shown); its error
/// keeps its status.
pub fn no_content<T>(done: Result<T, AppError>) -> Result<StatusCode, ApiError> {
    done?;
    Ok(StatusCode::NO_CONTENT)
}
