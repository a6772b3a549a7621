//! Interactive docs at `/api/doc/`: Swagger UI from the npm package
//! `swagger-ui-dist`, which `scripts/build.sh` copies into
//! `{site_root}/api-doc/` (not committed), around our own page and start-up
//! script (a file, not an inline script). No internet access needed.

use axum::{
    extract::{Path, Request, State},
    http::{header, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
    Router,
};
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::server::AppState;

/// Folder of the site root holding the Swagger UI files.
pub const ASSETS_DIR: &str = "api-doc";
/// The files of `swagger-ui-dist` the page loads; nothing else is served.
pub const ASSETS: [&str; 2] = ["swagger-ui-bundle.js", "swagger-ui.css"];

const INDEX: &str = include_str!("doc/index.html");
const INIT_JS: &str = include_str!("doc/init.js");
const MISSING: &str = include_str!("doc/missing.html");

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/doc",
            get(|| async { Redirect::permanent("/api/doc/") }),
        )
        .route("/api/doc/", get(index))
        .route("/api/doc/init.js", get(init_js))
        .route("/api/doc/{file}", get(asset))
}

fn assets_dir(state: &AppState) -> std::path::PathBuf {
    std::path::Path::new(&state.config.site_root).join(ASSETS_DIR)
}

async fn index(State(state): State<AppState>) -> Response {
    let bundle = assets_dir(&state).join(ASSETS[0]);
    if tokio::fs::try_exists(&bundle).await.unwrap_or(false) {
        Html(INDEX).into_response()
    } else {
        // Say how to fix it rather than show a blank page.
        (StatusCode::SERVICE_UNAVAILABLE, Html(MISSING)).into_response()
    }
}

async fn init_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        INIT_JS,
    )
        .into_response()
}

async fn asset(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: Request,
) -> Response {
    // Only the known names: a request path never reaches the file system.
    let Some(name) = ASSETS.iter().find(|a| **a == file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let path = assets_dir(&state).join(name);
    match ServeFile::new(path).oneshot(request).await {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    }
}
