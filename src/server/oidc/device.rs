//! `POST /oauth2/device_authorization` (RFC 8628 §3.1) and the `/device`
//! page where a signed-in person types the code and approves the device.

use axum::{
    extract::{Query, Request, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension, Form, Json,
};
use serde_json::json;
use tower_sessions::Session;

use super::{page, signed_in, DEVICE_PAGE};
use crate::{
    i18n::Language,
    model::AppError,
    server::{
        auth::network::ClientAddr,
        ops::oidc::{
            authorize::SignedIn,
            device::{self as ops, DeviceAnswer},
            grants::authenticate_form_client,
        },
        rest::{oauth2_token, ApiError},
        AppState,
    },
    t,
};

pub async fn authorization(State(state): State<AppState>, request: Request) -> Response {
    let (ip, parsed) = oauth2_token::read(request).await;
    let result = async {
        let form = parsed?;
        let app = authenticate_form_client(&state, &form, ip.as_deref()).await?;
        ops::start(&state, &app, form.scope.as_deref()).await
    }
    .await;
    match result {
        Ok(started) => oauth2_token::no_store(
            Json(json!({
                "device_code": started.device_code,
                "user_code": started.user_code,
                "verification_uri": started.verification_uri,
                "verification_uri_complete": started.verification_uri_complete,
                "expires_in": started.expires_in,
                "interval": started.interval,
            }))
            .into_response(),
        ),
        Err(e) => oauth2_token::error_response(e),
    }
}

#[derive(serde::Deserialize, Default)]
pub struct DeviceForm {
    #[serde(default)]
    user_code: Option<String>,
    #[serde(default)]
    decision: Option<String>,
}

fn code_form(state: &AppState, language: Language, typed: &str, error: Option<&str>) -> Response {
    let (status, alert, invalid) = match error {
        Some(e) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "<div class=\"notice error\" role=\"alert\" id=\"code-error\">{}</div>",
                page::esc(e)
            ),
            " aria-invalid=\"true\" aria-describedby=\"code-error\"",
        ),
        None => (StatusCode::OK, String::new(), ""),
    };
    let title = t!(language; "oidc-device-title");
    page::render(
        state,
        language,
        status,
        &title,
        &format!(
            "<h1>{heading}</h1>{alert}\
             <p>{enter}</p>\
             <form method=\"post\" action=\"{DEVICE_PAGE}\">\
             <div class=\"field\"><label for=\"user_code\">{code}</label>\
             <input id=\"user_code\" name=\"user_code\" value=\"{typed}\" autocomplete=\"off\" \
             autocapitalize=\"characters\" spellcheck=\"false\" required autofocus{invalid}></div>\
             <button type=\"submit\" class=\"button primary\">{continue_}</button></form>",
            heading = page::esc(&title),
            enter = t!(language; "oidc-device-enter-code"),
            code = t!(language; "oidc-device-code"),
            continue_ = t!(language; "oidc-continue"),
            typed = page::esc(typed),
        ),
        "",
    )
}

async fn confirm_or_form(
    state: &AppState,
    language: Language,
    who: &SignedIn,
    typed: &str,
    ip: Option<&str>,
) -> Result<Response, AppError> {
    let Some(found) = ops::lookup(state, typed, who, ip).await? else {
        return Ok(code_form(
            state,
            language,
            typed,
            Some(&t!(language; "oidc-device-unknown-code")),
        ));
    };
    let scopes = page::scope_items(language, &found.scopes);
    let app = page::esc(&found.app_name);
    let code = page::esc(&found.user_code);
    Ok(page::render(
        state,
        language,
        StatusCode::OK,
        &t!(language; "oidc-device-title"),
        &format!(
            "<h1>{heading}</h1>\
             <p>{text}</p>\
             <p>{asks_to}</p><ul class=\"scopes\">{scopes}</ul>\
             <form method=\"post\" action=\"{DEVICE_PAGE}\" class=\"actions\">\
             <input type=\"hidden\" name=\"user_code\" value=\"{code}\">\
             <button type=\"submit\" name=\"decision\" value=\"allow\" class=\"button primary\">{allow}</button> \
             <button type=\"submit\" name=\"decision\" value=\"deny\" class=\"button\">{deny}</button></form>",
            heading = t!(language; "oidc-device-confirm-heading", app = app.clone()),
            text = t!(
                language;
                "oidc-device-confirm-body",
                code = code.clone(),
                app = app.clone(),
            ),
            asks_to = t!(language; "oidc-device-asks-to", app = app.clone()),
            allow = t!(language; "oidc-allow"),
            deny = t!(language; "oidc-deny"),
        ),
        "",
    ))
}

/// Not signed in: the login page, then back here with the code kept.
fn to_login(typed: &str) -> Response {
    let next = if typed.is_empty() {
        DEVICE_PAGE.to_owned()
    } else {
        format!("{DEVICE_PAGE}?user_code={}", urlencoding::encode(typed))
    };
    Redirect::to(&format!("/login?next={}", urlencoding::encode(&next))).into_response()
}

pub async fn page(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Query(form): Query<DeviceForm>,
) -> Response {
    let language = page::language(&state, &headers);
    let typed = form.user_code.unwrap_or_default();
    let result = async {
        let Some((who, _)) = signed_in(&state, &session, addr).await? else {
            return Ok(to_login(&typed));
        };
        if typed.is_empty() {
            return Ok(code_form(&state, language, "", None));
        }
        confirm_or_form(&state, language, &who, &typed, addr.ip_string().as_deref()).await
    }
    .await;
    result.unwrap_or_else(|e| ApiError(e).into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<DeviceForm>,
) -> Response {
    let language = page::language(&state, &headers);
    let typed = form.user_code.unwrap_or_default();
    let result = async {
        let Some((who, _)) = signed_in(&state, &session, addr).await? else {
            return Ok(to_login(&typed));
        };
        let Some(decision) = form.decision else {
            return confirm_or_form(&state, language, &who, &typed, addr.ip_string().as_deref())
                .await;
        };
        // Plain text: `page::message` escapes it, values and all.
        let (status, title, text) =
            match ops::answer(&state, &typed, &who, decision == "allow").await? {
                DeviceAnswer::Approved { app_name } => (
                    StatusCode::OK,
                    t!(language; "oidc-device-connected"),
                    t!(language; "oidc-device-connected-body", app = app_name),
                ),
                DeviceAnswer::Denied => (
                    StatusCode::OK,
                    t!(language; "oidc-device-refused"),
                    t!(language; "oidc-device-refused-body"),
                ),
                DeviceAnswer::Refused { app_name } => (
                    StatusCode::FORBIDDEN,
                    t!(language; "oidc-no-access"),
                    t!(language; "oidc-no-access-body", app = app_name),
                ),
                DeviceAnswer::Gone => (
                    StatusCode::GONE,
                    t!(language; "oidc-device-expired"),
                    t!(language; "oidc-device-expired-body"),
                ),
            };
        Ok(page::message(&state, language, status, &title, &text))
    }
    .await;
    result.unwrap_or_else(|e| ApiError(e).into_response())
}
