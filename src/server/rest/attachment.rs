//! The response of the export endpoints: a streamed file, as a download.

use axum::{
    body::{Body, Bytes},
    http::header,
    response::{IntoResponse, Response},
};
use futures_util::Stream;

use crate::server::{
    ops::export::ExportFormat,
    time::{now_ms, rfc3339},
};

/// `body` as the attachment `{name}-{time}.{csv|jsonl}`; never cached (it
/// holds personal data, and is out of date as soon as it is written).
pub fn attachment(
    name: &str,
    format: ExportFormat,
    body: impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static,
) -> Response {
    let stamp: String = rfc3339(now_ms())
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let disposition = format!(
        "attachment; filename=\"{name}-{stamp}.{}\"",
        format.extension()
    );
    (
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(body),
    )
        .into_response()
}
