//! Interactive docs at `/api/doc/`: Swagger UI from the npm package
//! `swagger-ui-dist`, which `scripts/build.sh` puts into the panel's site
//! (`api-doc/`, embedded in the binary with the rest of it), around our own
//! page and start-up script (a file, not an inline script). No internet
//! access needed.

use axum::{
    extract::{Path, Request, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
    Router,
};

use crate::server::AppState;

/// Folder of the site holding the Swagger UI files.
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

async fn index(State(state): State<AppState>) -> Response {
    let assets = &state.assets;
    let [bundle, css] = ASSETS.map(|name| format!("{ASSETS_DIR}/{name}"));
    if !assets.contains(&bundle) {
        // Say how to fix it rather than show a blank page.
        return (StatusCode::SERVICE_UNAVAILABLE, Html(MISSING)).into_response();
    }
    let page = INDEX
        .replace("{bundle}", &assets.url(&bundle))
        .replace("{css}", &assets.url(&css));
    Html(page).into_response()
}

async fn init_js() -> Response {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        INIT_JS,
    )
        .into_response()
}

/// The Swagger UI files under their old, plain addresses.
async fn asset(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: Request,
) -> Response {
    // Only the known names.
    let Some(name) = ASSETS.iter().find(|a| **a == file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let path = format!("/{ASSETS_DIR}/{name}");
    state
        .assets
        .respond(request.method(), &path, request.headers())
        .unwrap_or_else(|| StatusCode::NOT_FOUND.into_response())
}
