//! The authorization endpoint's decisions (OIDC Core §3.1.2): check the
//! request, then send the browser to login, to consent, to a refusal page,
//! or back to the application with a code or an error.

use serde_json::json;

use super::{admitted, granted_scopes, issuer, CODE_TTL_SECS};
use crate::{
    model::AppError,
    server::{
        auth::token::{generate_secret_with, hash_secret},
        db::{
            self,
            applications::AppRow,
            audit::AuditEntry,
            oidc::{GrantExtras, NewGrant, RequestRow},
        },
        ops::applications::redirect_uris,
        time::{new_id, now_ms},
        AppState,
    },
};

/// How long a request may wait for a login and a consent.
const REQUEST_TTL_MS: i64 = 15 * 60_000;

/// The query (or form) of an authorization request.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct AuthorizeParams {
    pub client_id: Option<String>,
    pub redirect_uri: Option<String>,
    pub response_type: Option<String>,
    pub response_mode: Option<String>,
    pub scope: Option<String>,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub code_challenge_method: Option<String>,
    pub prompt: Option<String>,
    pub max_age: Option<String>,
    pub login_hint: Option<String>,
    pub request: Option<String>,
    pub request_uri: Option<String>,
}

/// Who is signed in to the browser making the request.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user_id: String,
    pub session_id: String,
    /// When this browser session logged in (unix ms).
    pub login_at: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Shown to the person, never sent to the application: the client or
    /// its redirect URI cannot be trusted.
    ErrorPage(Untrusted),
    /// Back to the application (a code or an error), or to a local page.
    Redirect(String),
    /// Log in first, then continue with the stored request.
    Login {
        request_id: String,
        login_hint: Option<String>,
    },
    /// Ask the person on the consent page.
    Consent(String),
    /// Signed in but not admitted: a page that says so, and the way back
    /// to the application carrying `error=access_denied`.
    Refused { app_name: String, back: String },
}

/// Why a request is answered with a page rather than sent back (each is
/// worded on the page, in the reader's language; all are 400s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Untrusted {
    /// No `client_id`.
    NoClient,
    /// A `client_id` no OpenID Connect application has.
    UnknownClient,
    NoRedirectUri,
    /// A `redirect_uri` the application did not register.
    UnregisteredRedirectUri,
    /// The stored request expired or was already answered.
    RequestGone,
}

fn error_page(reason: Untrusted) -> Outcome {
    Outcome::ErrorPage(reason)
}

/// The redirect URI with `params` added to its query.
pub fn with_params(redirect_uri: &str, params: &[(&str, &str)]) -> String {
    match url::Url::parse(redirect_uri) {
        Ok(mut url) => {
            {
                let mut query = url.query_pairs_mut();
                for (k, v) in params {
                    query.append_pair(k, v);
                }
            }
            url.to_string()
        }
        Err(_) => redirect_uri.to_owned(),
    }
}

struct Back<'a> {
    redirect_uri: &'a str,
    state: Option<&'a str>,
    iss: String,
}

impl<'a> Back<'a> {
    /// Where a stored request's answer goes.
    fn of(state: &AppState, request: &'a RequestRow) -> Self {
        Back {
            redirect_uri: &request.redirect_uri,
            state: request.state.as_deref(),
            iss: issuer(state),
        }
    }

    fn error(&self, code: &str, description: &str) -> Outcome {
        Outcome::Redirect(self.error_url(code, description))
    }

    fn error_url(&self, code: &str, description: &str) -> String {
        let mut params = vec![("error", code), ("error_description", description)];
        if let Some(state) = self.state {
            params.push(("state", state));
        }
        params.push(("iss", &self.iss));
        with_params(self.redirect_uri, &params)
    }
}

fn is_pkce_value(raw: &str) -> bool {
    (43..=128).contains(&raw.len())
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// Checks a new request; stores it when the browser must log in or consent.
pub async fn start(
    state: &AppState,
    p: AuthorizeParams,
    signed_in: Option<&SignedIn>,
) -> Result<Outcome, AppError> {
    let Some(client_id) = p.client_id.as_deref().filter(|s| !s.is_empty()) else {
        return Ok(error_page(Untrusted::NoClient));
    };
    let app = match db::applications::get(&state.db, client_id).await? {
        Some(app) if app.kind == "oidc" => app,
        _ => return Ok(error_page(Untrusted::UnknownClient)),
    };
    let Some(redirect_uri) = p.redirect_uri.as_deref() else {
        return Ok(error_page(Untrusted::NoRedirectUri));
    };
    if !redirect_uris(&app).iter().any(|u| u == redirect_uri) {
        return Ok(error_page(Untrusted::UnregisteredRedirectUri));
    }
    let back = Back {
        redirect_uri,
        state: p.state.as_deref(),
        iss: issuer(state),
    };
    if p.request.is_some() {
        return Ok(back.error("request_not_supported", "request objects are not supported"));
    }
    if p.request_uri.is_some() {
        return Ok(back.error("request_uri_not_supported", "request_uri is not supported"));
    }
    if p.response_type.as_deref() != Some("code") {
        return Ok(back.error(
            "unsupported_response_type",
            "only response_type=code is supported",
        ));
    }
    if p.response_mode.as_deref().is_some_and(|m| m != "query") {
        return Ok(back.error("invalid_request", "only response_mode=query is supported"));
    }
    let scopes = granted_scopes(p.scope.as_deref().unwrap_or(""));
    if scopes.is_empty() {
        return Ok(back.error(
            "invalid_scope",
            "ask for at least one of: openid profile email groups offline_access",
        ));
    }
    let challenge = match (
        p.code_challenge.as_deref(),
        p.code_challenge_method.as_deref(),
    ) {
        (None, _) if app.client_type == "public" => {
            return Ok(back.error(
                "invalid_request",
                "public clients must use PKCE (code_challenge with S256)",
            ));
        }
        (None, Some(_)) => {
            return Ok(back.error(
                "invalid_request",
                "code_challenge_method without code_challenge",
            ));
        }
        (None, None) => None,
        (Some(c), Some("S256")) if is_pkce_value(c) => Some(c.to_owned()),
        (Some(_), Some("S256")) => {
            return Ok(back.error(
                "invalid_request",
                "code_challenge must be 43 to 128 unreserved characters",
            ));
        }
        (Some(_), _) => {
            return Ok(back.error(
                "invalid_request",
                "only code_challenge_method=S256 is supported",
            ));
        }
    };
    let prompt = p.prompt.clone().filter(|s| !s.trim().is_empty());
    if let Some(prompt) = &prompt {
        let values: Vec<&str> = prompt.split_whitespace().collect();
        let known = values
            .iter()
            .all(|v| matches!(*v, "none" | "login" | "consent" | "select_account"));
        if !known || (values.contains(&"none") && values.len() > 1) {
            return Ok(back.error(
                "invalid_request",
                "prompt takes none, or any of login consent select_account",
            ));
        }
    }
    let max_age = match p.max_age.as_deref() {
        None | Some("") => None,
        Some(raw) => match raw.parse::<i64>() {
            Ok(n) if n >= 0 => Some(n),
            _ => return Ok(back.error("invalid_request", "max_age must be a number of seconds")),
        },
    };
    if p.nonce.as_ref().is_some_and(|n| n.len() > 512)
        || p.state.as_ref().is_some_and(|s| s.len() > 2048)
    {
        return Ok(back.error("invalid_request", "nonce or state is too long"));
    }
    let now = now_ms();
    let request = RequestRow {
        id: new_id(),
        application_id: app.id.clone(),
        redirect_uri: redirect_uri.to_owned(),
        scopes: scopes.join(" "),
        state: p.state.clone(),
        nonce: p.nonce.clone(),
        code_challenge: challenge,
        prompt,
        max_age,
        login_hint: p.login_hint.clone().filter(|h| h.len() <= 256),
        created_at: now,
        expires_at: now + REQUEST_TTL_MS,
    };
    decide(state, &app, request, false, signed_in).await
}

/// Carries on with a stored request after the login.
pub async fn resume(
    state: &AppState,
    request_id: &str,
    signed_in: Option<&SignedIn>,
) -> Result<Outcome, AppError> {
    let Some((request, app)) = pending(state, request_id).await? else {
        return Ok(expired());
    };
    decide(state, &app, request, true, signed_in).await
}

fn expired() -> Outcome {
    error_page(Untrusted::RequestGone)
}

/// A stored request that has not expired, with its application.
pub async fn pending(
    state: &AppState,
    request_id: &str,
) -> Result<Option<(RequestRow, AppRow)>, AppError> {
    let Some(request) = db::oidc::request(&state.db, request_id).await? else {
        return Ok(None);
    };
    if request.expires_at <= now_ms() {
        db::oidc::delete_request(&state.db, request_id).await?;
        return Ok(None);
    }
    let app = db::applications::get(&state.db, &request.application_id).await?;
    Ok(app.map(|app| (request, app)))
}

fn prompts(request: &RequestRow, value: &str) -> bool {
    request
        .prompt
        .as_deref()
        .is_some_and(|p| p.split_whitespace().any(|v| v == value))
}

async fn decide(
    state: &AppState,
    app: &AppRow,
    request: RequestRow,
    stored: bool,
    signed_in: Option<&SignedIn>,
) -> Result<Outcome, AppError> {
    let back = Back::of(state, &request);
    let silent = prompts(&request, "none");
    // A login after the request was made satisfies both `prompt=login` and
    // any `max_age` (even 0: the login just happened).
    let fresh_login_needed = |who: &SignedIn| {
        let before_request = who.login_at < request.created_at;
        let relogin = prompts(&request, "login") || prompts(&request, "select_account");
        let too_old = request
            .max_age
            .is_some_and(|age| now_ms() - who.login_at > age * 1000);
        before_request && (relogin || too_old)
    };
    let who = match signed_in {
        Some(who) if !fresh_login_needed(who) => who,
        _ if silent => return Ok(back.error("login_required", "the user is not signed in")),
        _ => {
            if !stored {
                db::oidc::insert_request(&state.db, &request).await?;
            }
            return Ok(Outcome::Login {
                request_id: request.id.clone(),
                login_hint: request.login_hint.clone(),
            });
        }
    };
    if !admitted(state, &app.access, &who.user_id).await? {
        if stored {
            db::oidc::delete_request(&state.db, &request.id).await?;
        }
        if silent {
            return Ok(back.error("access_denied", "the user may not use this application"));
        }
        return Ok(Outcome::Refused {
            app_name: app.name.clone(),
            back: back.error_url("access_denied", "the user may not use this application"),
        });
    }
    let consented = db::applications::consented_scopes(&state.db, &who.user_id, &app.id).await?;
    let covered = consented.is_some_and(|given| {
        request
            .scopes
            .split_whitespace()
            .all(|s| given.split_whitespace().any(|g| g == s))
    });
    let consent_needed = !app.skip_consent && (!covered || prompts(&request, "consent"));
    if consent_needed {
        if silent {
            return Ok(back.error(
                "consent_required",
                "the user has not agreed to share this yet",
            ));
        }
        if !stored {
            db::oidc::insert_request(&state.db, &request).await?;
        }
        return Ok(Outcome::Consent(request.id.clone()));
    }
    issue_code(state, app, &request, stored, who, None).await
}

/// Stores the grant and its code; the redirect back with it.
async fn issue_code(
    state: &AppState,
    app: &AppRow,
    request: &RequestRow,
    stored: bool,
    who: &SignedIn,
    consent: Option<&AuditEntry>,
) -> Result<Outcome, AppError> {
    let now = now_ms();
    let code = generate_secret_with("ghc_");
    let code_hash = hash_secret(&code);
    let grant_id = new_id();
    db::oidc::insert_grant(
        &state.db,
        &NewGrant {
            id: &grant_id,
            application_id: &app.id,
            user_id: &who.user_id,
            session_id: Some(&who.session_id),
            scopes: &request.scopes,
            nonce: request.nonce.as_deref(),
            auth_time: who.login_at,
            now,
        },
        &GrantExtras {
            code: Some((
                &code_hash,
                &request.redirect_uri,
                request.code_challenge.as_deref(),
                now + CODE_TTL_SECS * 1000,
            )),
            consent: consent.map(|audit| (request.scopes.as_str(), audit)),
            request_id: stored.then_some(request.id.as_str()),
            device_code_hash: None,
        },
    )
    .await?;
    let iss = issuer(state);
    let mut params = vec![("code", code.as_str())];
    if let Some(s) = request.state.as_deref() {
        params.push(("state", s));
    }
    params.push(("iss", &iss));
    Ok(Outcome::Redirect(with_params(
        &request.redirect_uri,
        &params,
    )))
}

/// What the consent page shows.
#[derive(Debug, Clone)]
pub struct ConsentView {
    pub app_name: String,
    pub scopes: Vec<String>,
    pub redirect_uri: String,
}

/// The consent page's content, or the outcome instead of it (expired,
/// logged out, refused).
pub async fn consent_view(
    state: &AppState,
    request_id: &str,
    signed_in: Option<&SignedIn>,
) -> Result<Result<ConsentView, Outcome>, AppError> {
    let Some((request, app)) = pending(state, request_id).await? else {
        return Ok(Err(expired()));
    };
    if signed_in.is_none() {
        return Ok(Err(Outcome::Login {
            request_id: request.id,
            login_hint: request.login_hint,
        }));
    }
    Ok(Ok(ConsentView {
        app_name: app.name,
        scopes: request
            .scopes
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        redirect_uri: request.redirect_uri,
    }))
}

/// The person's answer on the consent page.
pub async fn answer_consent(
    state: &AppState,
    request_id: &str,
    signed_in: Option<&SignedIn>,
    username: &str,
    ip: Option<&str>,
    allow: bool,
) -> Result<Outcome, AppError> {
    let Some((request, app)) = pending(state, request_id).await? else {
        return Ok(expired());
    };
    let Some(who) = signed_in else {
        return Ok(Outcome::Login {
            request_id: request.id,
            login_hint: request.login_hint,
        });
    };
    let back = Back::of(state, &request);
    if !allow {
        db::oidc::delete_request(&state.db, &request.id).await?;
        return Ok(back.error("access_denied", "the user declined"));
    }
    if !admitted(state, &app.access, &who.user_id).await? {
        db::oidc::delete_request(&state.db, &request.id).await?;
        return Ok(Outcome::Refused {
            app_name: app.name.clone(),
            back: back.error_url("access_denied", "the user may not use this application"),
        });
    }
    let audit = AuditEntry {
        actor_type: "user",
        actor_id: Some(who.user_id.clone()),
        actor_name: username.to_owned(),
        actor_ip: ip.map(str::to_owned),
        actor_role: None,
        action: "application.consent",
        target_type: "application",
        target_id: Some(app.id.clone()),
        detail: json!({"application": app.name, "scopes": request.scopes}),
    };
    issue_code(state, &app, &request, true, who, Some(&audit)).await
}
