//! RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0):
//! `/oauth2/logout` ends this browser's Gatehouse session, which ends every
//! grant that came from it, then returns to the application's registered
//! `post_logout_redirect_uri`. Without a valid `id_token_hint` the person
//! confirms first, so a link alone cannot sign anyone out.

use axum::{
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension, Form,
};
use tower_sessions::Session;

use super::{page, signed_in, LOGOUT_PATH};
use crate::{
    i18n::Language,
    model::AppError,
    server::{
        auth::network::ClientAddr,
        db,
        ops::{
            self,
            applications::post_logout_redirect_uris,
            oidc::{authorize::with_params, issuer},
        },
        rest::ApiError,
        AppState,
    },
    t,
};

#[derive(serde::Deserialize, Default)]
pub struct LogoutParams {
    id_token_hint: Option<String>,
    client_id: Option<String>,
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
    /// Set by the confirmation form.
    confirm: Option<String>,
}

pub async fn get(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Query(params): Query<LogoutParams>,
) -> Response {
    let language = page::language(&state, &headers);
    end_session(state, language, addr, session, params, false).await
}

pub async fn post(
    State(state): State<AppState>,
    Extension(addr): Extension<ClientAddr>,
    session: Session,
    headers: HeaderMap,
    Form(params): Form<LogoutParams>,
) -> Response {
    let language = page::language(&state, &headers);
    end_session(state, language, addr, session, params, true).await
}

fn bad(state: &AppState, language: Language, text: &str) -> Response {
    page::message(
        state,
        language,
        StatusCode::BAD_REQUEST,
        &t!(language; "oidc-cannot-sign-out"),
        text,
    )
}

async fn end_session(
    state: AppState,
    language: Language,
    addr: ClientAddr,
    session: Session,
    p: LogoutParams,
    posted: bool,
) -> Response {
    let result: Result<Response, AppError> = async {
        // Which application asks, and who it thinks is signed in.
        let hint = match p.id_token_hint.as_deref().filter(|h| !h.is_empty()) {
            None => None,
            Some(token) => {
                let keys = state.signing_keys.get(&state.db).await?;
                match keys.verify_ours(token, &issuer(&state)) {
                    Some(claims) => Some(claims),
                    None => {
                        return Ok(bad(
                            &state,
                            language,
                            &t!(language; "oidc-logout-foreign-token"),
                        ))
                    }
                }
            }
        };
        let hinted_client = hint
            .as_ref()
            .and_then(|c| c["aud"].as_str().map(str::to_owned));
        let client_id = match (hinted_client, p.client_id.clone()) {
            (Some(a), Some(b)) if a != b => {
                return Ok(bad(
                    &state,
                    language,
                    &t!(language; "oidc-logout-client-mismatch"),
                ));
            }
            (a, b) => a.or(b),
        };
        let app = match &client_id {
            Some(id) => db::applications::get(&state.db, id).await?,
            None => None,
        };
        let target = match (&p.post_logout_redirect_uri, &app) {
            (None, _) => None,
            (Some(uri), Some(app)) if post_logout_redirect_uris(app).contains(uri) => {
                let mut params = Vec::new();
                if let Some(s) = p.state.as_deref() {
                    params.push(("state", s));
                }
                Some(with_params(uri, &params))
            }
            (Some(_), _) => {
                return Ok(bad(
                    &state,
                    language,
                    &t!(language; "oidc-logout-unregistered-return"),
                ));
            }
        };
        let who = signed_in(&state, &session, addr).await?;
        if let Some((signed, caller)) = &who {
            let hint_matches = hint
                .as_ref()
                .is_some_and(|c| c["sub"].as_str() == Some(signed.user_id.as_str()));
            let confirmed = posted && p.confirm.as_deref() == Some("yes");
            if !hint_matches && !confirmed {
                return Ok(confirm_page(
                    &state,
                    language,
                    &p,
                    app.as_ref().map(|a| a.name.as_str()),
                ));
            }
            ops::sessions::logout(&state, caller).await?;
            session.flush().await.map_err(|_| AppError::Internal)?;
        }
        Ok(match target {
            Some(url) => Redirect::to(&url).into_response(),
            None => page::message(
                &state,
                language,
                StatusCode::OK,
                &t!(language; "oidc-signed-out"),
                &t!(language; "oidc-signed-out-body"),
            ),
        })
    }
    .await;
    result.unwrap_or_else(|e| ApiError(e).into_response())
}

fn confirm_page(
    state: &AppState,
    language: Language,
    p: &LogoutParams,
    app_name: Option<&str>,
) -> Response {
    let hidden = |name: &str, value: &Option<String>| {
        value
            .as_deref()
            .map(|v| {
                format!(
                    "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                    page::esc(v)
                )
            })
            .unwrap_or_default()
    };
    let text = match app_name {
        Some(n) => t!(language; "oidc-logout-app-asks", app = page::esc(n)),
        None => t!(language; "oidc-logout-someone-asks"),
    };
    let target = p
        .post_logout_redirect_uri
        .as_deref()
        .map(page::form_target)
        .unwrap_or_default();
    let sign_out = t!(language; "oidc-sign-out");
    page::render(
        state,
        language,
        StatusCode::OK,
        &sign_out,
        &format!(
            "<h1>{heading}</h1><p>{text}</p>\
             <form method=\"post\" action=\"{LOGOUT_PATH}\" class=\"actions\">{}{}{}\
             <input type=\"hidden\" name=\"confirm\" value=\"yes\">\
             <button type=\"submit\" class=\"button primary\">{button}</button></form>",
            hidden("client_id", &p.client_id),
            hidden("post_logout_redirect_uri", &p.post_logout_redirect_uri),
            hidden("state", &p.state),
            heading = page::esc(&t!(language; "oidc-logout-heading")),
            button = page::esc(&sign_out),
        ),
        &target,
    )
}
