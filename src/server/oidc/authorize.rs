//! `GET|POST /oauth2/authorize`, its continuation after the login, and the
//! consent page `/consent/{id}`.

use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    Extension, Form,
};
use tower_sessions::Session;

use super::{page, signed_in, CONTINUE_PATH};
use crate::{
    model::{application::scope_description, AppError},
    server::{
        auth::network::ClientAddr,
        ops::oidc::authorize::{self as ops, AuthorizeParams, Outcome},
        rest::ApiError,
        AppState,
    },
};

/// Turns a decision into the browser's next step.
pub(super) fn respond(state: &AppState, outcome: Outcome) -> Response {
    match outcome {
        Outcome::ErrorPage { status, message } => page::message(
            state,
            StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
            "Cannot sign in",
            &message,
        ),
        Outcome::Redirect(url) => Redirect::to(&url).into_response(),
        Outcome::Login {
            request_id,
            login_hint,
        } => {
            let next = format!("{CONTINUE_PATH}?request={request_id}");
            // `reauth`: the login page shows even to someone signed in, for
            // `prompt=login` and `max_age`.
            let mut url = format!("/login?reauth=1&next={}", urlencoding::encode(&next));
            if let Some(hint) = login_hint {
                url.push_str(&format!("&username={}", urlencoding::encode(&hint)));
            }
            Redirect::to(&url).into_response()
        }
        Outcome::Consent(id) => Redirect::to(&format!("/consent/{id}")).into_response(),
        Outcome::Refused { app_name, back } => page::render(
            state,
            StatusCode::FORBIDDEN,
            "No access",
            &format!(
                "<h1>No access to {app}</h1><p role=\"alert\">Your account may not sign in to {app}. \
                 An administrator decides who may use it.</p>\
                 <p><a class=\"button\" href=\"{back}\">Return to {app}</a></p>",
                app = page::esc(&app_name),
                back = page::esc(&back),
            ),
            "",
        ),
    }
}

async fn start(
    state: AppState,
    session: Session,
    addr: ClientAddr,
    params: AuthorizeParams,
) -> Response {
    let who = match signed_in(&state, &session, addr).await {
        Ok(who) => who,
        Err(e) => return ApiError(e).into_response(),
    };
    match ops::start(&state, params, who.as_ref().map(|(w, _)| w)).await {
        Ok(outcome) => respond(&state, outcome),
        Err(e) => ApiError(e).into_response(),
    }
}

pub async fn get(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    Query(params): Query<AuthorizeParams>,
) -> Response {
    start(state, session, addr, params).await
}

/// OIDC Core §3.1.2.1: the request may also come as a form post.
pub async fn post(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    Form(params): Form<AuthorizeParams>,
) -> Response {
    start(state, session, addr, params).await
}

#[derive(serde::Deserialize)]
pub struct ContinueQuery {
    request: String,
}

pub async fn resume(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    Query(query): Query<ContinueQuery>,
) -> Response {
    let result = async {
        let who = signed_in(&state, &session, addr).await?;
        ops::resume(&state, &query.request, who.as_ref().map(|(w, _)| w)).await
    }
    .await;
    match result {
        Ok(outcome) => respond(&state, outcome),
        Err(e) => ApiError(e).into_response(),
    }
}

pub async fn consent_page(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let result: Result<Response, AppError> = async {
        let who = signed_in(&state, &session, addr).await?;
        let view = match ops::consent_view(&state, &id, who.as_ref().map(|(w, _)| w)).await? {
            Ok(view) => view,
            Err(outcome) => return Ok(respond(&state, outcome)),
        };
        let username = who.map(|(_, c)| c.username).unwrap_or_default();
        let scopes: String = view
            .scopes
            .iter()
            .filter_map(|s| scope_description(s))
            .map(|d| format!("<li>{}</li>", page::esc(d)))
            .collect();
        let app = page::esc(&view.app_name);
        let body = format!(
            "<h1>Sign in to {app}</h1>\
             <p>You are signed in as <strong>{user}</strong>. {app} asks to:</p>\
             <ul class=\"scopes\">{scopes}</ul>\
             <form method=\"post\" action=\"/consent/{id}\" class=\"actions\">\
             <button type=\"submit\" name=\"decision\" value=\"allow\" class=\"button primary\">Allow</button> \
             <button type=\"submit\" name=\"decision\" value=\"deny\" class=\"button\">Deny</button></form>\
             <p class=\"muted\">You can withdraw this later on your account page, under Apps.</p>",
            user = page::esc(&username),
            id = page::esc(&id),
        );
        Ok(page::render(
            &state,
            StatusCode::OK,
            &format!("Sign in to {}", view.app_name),
            &body,
            &page::form_target(&view.redirect_uri),
        ))
    }
    .await;
    result.unwrap_or_else(|e| ApiError(e).into_response())
}

#[derive(serde::Deserialize)]
pub struct Decision {
    decision: String,
}

pub async fn consent_answer(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<Decision>,
) -> Response {
    let result = async {
        let who = signed_in(&state, &session, addr).await?;
        let username = who
            .as_ref()
            .map(|(_, c)| c.username.clone())
            .unwrap_or_default();
        ops::answer_consent(
            &state,
            &id,
            who.as_ref().map(|(w, _)| w),
            &username,
            addr.ip_string().as_deref(),
            form.decision == "allow",
        )
        .await
    }
    .await;
    match result {
        Ok(outcome) => respond(&state, outcome),
        Err(e) => ApiError(e).into_response(),
    }
}
