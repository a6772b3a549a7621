//! `GET|POST /oauth2/authorize`, its continuation after the login, and the
//! consent page `/consent/{id}`.

use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension, Form,
};
use tower_sessions::Session;

use super::{page, signed_in, CONTINUE_PATH};
use crate::{
    i18n::Language,
    model::AppError,
    server::{
        auth::network::ClientAddr,
        ops::oidc::authorize::{self as ops, AuthorizeParams, Outcome, Untrusted},
        rest::ApiError,
        AppState,
    },
    t,
};

/// Why the request cannot go on, in `language`.
fn error_text(language: Language, reason: Untrusted) -> String {
    match reason {
        Untrusted::NoClient => t!(language; "oidc-error-no-client"),
        Untrusted::UnknownClient => t!(language; "oidc-error-unknown-client"),
        Untrusted::NoRedirectUri => t!(language; "oidc-error-no-redirect"),
        Untrusted::UnregisteredRedirectUri => t!(language; "oidc-error-unregistered-redirect"),
        Untrusted::RequestGone => t!(language; "oidc-error-request-gone"),
    }
}

/// Turns a decision into the browser's next step.
pub(super) fn respond(state: &AppState, language: Language, outcome: Outcome) -> Response {
    match outcome {
        Outcome::ErrorPage(reason) => page::message(
            state,
            language,
            StatusCode::BAD_REQUEST,
            &t!(language; "oidc-cannot-sign-in"),
            &error_text(language, reason),
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
        Outcome::Refused { app_name, back } => {
            let app = page::esc(&app_name);
            page::render(
                state,
                language,
                StatusCode::FORBIDDEN,
                &t!(language; "oidc-no-access"),
                &format!(
                    "<h1>{heading}</h1><p role=\"alert\">{text}</p>\
                     <p><a class=\"button\" href=\"{back}\">{return_to}</a></p>",
                    heading = t!(language; "oidc-no-access-heading", app = app.clone()),
                    text = t!(language; "oidc-no-access-body", app = app.clone()),
                    return_to = t!(language; "oidc-return-to", app = app.clone()),
                    back = page::esc(&back),
                ),
                "",
            )
        }
    }
}

async fn start(
    state: AppState,
    session: Session,
    addr: ClientAddr,
    headers: HeaderMap,
    params: AuthorizeParams,
) -> Response {
    let language = page::language(&state, &headers);
    let who = match signed_in(&state, &session, addr).await {
        Ok(who) => who,
        Err(e) => return ApiError(e).into_response(),
    };
    match ops::start(&state, params, who.as_ref().map(|(w, _)| w)).await {
        Ok(outcome) => respond(&state, language, outcome),
        Err(e) => ApiError(e).into_response(),
    }
}

pub async fn get(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Query(params): Query<AuthorizeParams>,
) -> Response {
    start(state, session, addr, headers, params).await
}

/// OIDC Core §3.1.2.1: the request may also come as a form post.
pub async fn post(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Form(params): Form<AuthorizeParams>,
) -> Response {
    start(state, session, addr, headers, params).await
}

#[derive(serde::Deserialize)]
pub struct ContinueQuery {
    request: String,
}

pub async fn resume(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Query(query): Query<ContinueQuery>,
) -> Response {
    let language = page::language(&state, &headers);
    let result = async {
        let who = signed_in(&state, &session, addr).await?;
        ops::resume(&state, &query.request, who.as_ref().map(|(w, _)| w)).await
    }
    .await;
    match result {
        Ok(outcome) => respond(&state, language, outcome),
        Err(e) => ApiError(e).into_response(),
    }
}

pub async fn consent_page(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let language = page::language(&state, &headers);
    let result: Result<Response, AppError> = async {
        let who = signed_in(&state, &session, addr).await?;
        let view = match ops::consent_view(&state, &id, who.as_ref().map(|(w, _)| w)).await? {
            Ok(view) => view,
            Err(outcome) => return Ok(respond(&state, language, outcome)),
        };
        let username = who.map(|(_, c)| c.username).unwrap_or_default();
        let scopes = page::scope_items(language, &view.scopes);
        let app = page::esc(&view.app_name);
        let body = format!(
            "<h1>{heading}</h1>\
             <p>{signed_in_as}</p>\
             <ul class=\"scopes\">{scopes}</ul>\
             <form method=\"post\" action=\"/consent/{id}\" class=\"actions\">\
             <button type=\"submit\" name=\"decision\" value=\"allow\" class=\"button primary\">{allow}</button> \
             <button type=\"submit\" name=\"decision\" value=\"deny\" class=\"button\">{deny}</button></form>\
             <p class=\"muted\">{withdraw}</p>",
            heading = t!(language; "oidc-consent-title", app = app.clone()),
            signed_in_as = t!(
                language;
                "oidc-consent-signed-in-as",
                user = page::esc(&username),
                app = app.clone(),
            ),
            allow = t!(language; "oidc-allow"),
            deny = t!(language; "oidc-deny"),
            withdraw = t!(language; "oidc-consent-withdraw"),
            id = page::esc(&id),
        );
        Ok(page::render(
            &state,
            language,
            StatusCode::OK,
            &t!(language; "oidc-consent-title", app = view.app_name.clone()),
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
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<Decision>,
) -> Response {
    let language = page::language(&state, &headers);
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
        Ok(outcome) => respond(&state, language, outcome),
        Err(e) => ApiError(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_pages_read_as_before_in_english_and_are_translated() {
        for (reason, english) in [
            (Untrusted::NoClient, "The application did not say who it is (no client_id)."),
            (Untrusted::UnknownClient, "This application is not registered here (unknown client_id)."),
            (Untrusted::NoRedirectUri, "The application sent no redirect_uri."),
            (Untrusted::UnregisteredRedirectUri, "The redirect_uri is not registered for this application, so Gatehouse will not send you there."),
            (Untrusted::RequestGone, "This sign-in request has expired or was already answered. Go back to the application and start again."),
        ] {
            assert_eq!(error_text(Language::En, reason), english);
            assert_ne!(error_text(Language::Es, reason), english);
        }
    }
}
