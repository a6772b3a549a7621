//! `POST /oauth2/device_authorization` (RFC 8628 §3.1) and the `/device`
//! page where a signed-in person types the code and approves the device.

use axum::{
    extract::{Query, Request, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    Extension, Form, Json,
};
use serde_json::json;
use tower_sessions::Session;

use super::{page, signed_in, DEVICE_PAGE};
use crate::{
    model::{application::scope_description, AppError},
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

fn code_form(state: &AppState, typed: &str, error: Option<&str>) -> Response {
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
    page::render(
        state,
        status,
        "Connect a device",
        &format!(
            "<h1>Connect a device</h1>{alert}\
             <p>Enter the code your device or command-line tool shows.</p>\
             <form method=\"post\" action=\"{DEVICE_PAGE}\">\
             <div class=\"field\"><label for=\"user_code\">Code</label>\
             <input id=\"user_code\" name=\"user_code\" value=\"{typed}\" autocomplete=\"off\" \
             autocapitalize=\"characters\" spellcheck=\"false\" required autofocus{invalid}></div>\
             <button type=\"submit\" class=\"button primary\">Continue</button></form>",
            typed = page::esc(typed),
        ),
        "",
    )
}

async fn confirm_or_form(
    state: &AppState,
    who: &SignedIn,
    typed: &str,
    ip: Option<&str>,
) -> Result<Response, AppError> {
    let Some(found) = ops::lookup(state, typed, who, ip).await? else {
        return Ok(code_form(
            state,
            typed,
            Some("That code is unknown or has expired. Check it on your device."),
        ));
    };
    let scopes: String = found
        .scopes
        .iter()
        .filter_map(|s| scope_description(s))
        .map(|d| format!("<li>{}</li>", page::esc(d)))
        .collect();
    let app = page::esc(&found.app_name);
    Ok(page::render(
        state,
        StatusCode::OK,
        "Connect a device",
        &format!(
            "<h1>Connect {app}?</h1>\
             <p>A device showing the code <strong>{code}</strong> wants to sign in to {app} as you. \
             Only allow this if you started it yourself.</p>\
             <p>{app} asks to:</p><ul class=\"scopes\">{scopes}</ul>\
             <form method=\"post\" action=\"{DEVICE_PAGE}\" class=\"actions\">\
             <input type=\"hidden\" name=\"user_code\" value=\"{code}\">\
             <button type=\"submit\" name=\"decision\" value=\"allow\" class=\"button primary\">Allow</button> \
             <button type=\"submit\" name=\"decision\" value=\"deny\" class=\"button\">Deny</button></form>",
            code = page::esc(&found.user_code),
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
    Query(form): Query<DeviceForm>,
) -> Response {
    let typed = form.user_code.unwrap_or_default();
    let result = async {
        let Some((who, _)) = signed_in(&state, &session, addr).await? else {
            return Ok(to_login(&typed));
        };
        if typed.is_empty() {
            return Ok(code_form(&state, "", None));
        }
        confirm_or_form(&state, &who, &typed, addr.ip_string().as_deref()).await
    }
    .await;
    result.unwrap_or_else(|e| ApiError(e).into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    Form(form): Form<DeviceForm>,
) -> Response {
    let typed = form.user_code.unwrap_or_default();
    let result = async {
        let Some((who, _)) = signed_in(&state, &session, addr).await? else {
            return Ok(to_login(&typed));
        };
        let Some(decision) = form.decision else {
            return confirm_or_form(&state, &who, &typed, addr.ip_string().as_deref()).await;
        };
        let (status, title, text) = match ops::answer(&state, &typed, &who, decision == "allow").await? {
            DeviceAnswer::Approved { app_name } => (
                StatusCode::OK,
                "Device connected",
                format!("Your device is now signed in to {app_name}. You can close this window and return to it."),
            ),
            DeviceAnswer::Denied => (
                StatusCode::OK,
                "Device refused",
                "The device was not signed in. You can close this window.".to_owned(),
            ),
            DeviceAnswer::Refused { app_name } => (
                StatusCode::FORBIDDEN,
                "No access",
                format!("Your account may not sign in to {app_name}. An administrator decides who may use it."),
            ),
            DeviceAnswer::Gone => (
                StatusCode::GONE,
                "Code expired",
                "This code has expired or was already used. Start again on your device.".to_owned(),
            ),
        };
        Ok(page::message(&state, status, title, &text))
    }
    .await;
    result.unwrap_or_else(|e| ApiError(e).into_response())
}
