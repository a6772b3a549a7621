//! The names nearly every endpoint file uses, imported with one line so that
//! a file's own imports show only what is particular to it.

pub use axum::{
    extract::{Path, RawQuery},
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};

pub use crate::{
    model::AppError,
    server::{
        ops,
        rest::{
            common::{
                collection_response, created_response, created_with_meta, no_content,
                page_response, resource_response,
            },
            extract::{query_params, ApiCall, ApiQuery, ListQuery, QueryString},
            openapi::{BadRequestError, NotFoundError},
            resource_document, ApiError, ApiJson, PREFIX,
        },
    },
};
