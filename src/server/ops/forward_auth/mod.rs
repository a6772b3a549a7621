//! Forward authentication: a reverse proxy asks, for each request to a
//! protected host, whether to let it through and as whom. The answer is
//! decided here from the applications of kind `forward_auth` (hosts, path
//! prefixes, access rule) and the credential the browser or script sent;
//! the HTTP conventions of nginx, Traefik and Caddy are `server::gate`'s.

pub mod gate;
pub mod hosts;

use std::{str::FromStr, sync::Arc};

use axum::http::{header::AUTHORIZATION, HeaderMap, HeaderValue};
use tower_sessions::{session::Id, Expiry, Session};

use self::gate::{Identity, ProtectedApp};
use crate::{
    model::{AppError, OrgRole},
    server::{
        auth::{caller, network::ClientAddr, session::Store, token::hash_secret},
        db,
        ops::applications::{json_list, stored_access},
        AppState,
    },
};

/// The request a proxy asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub scheme: String,
    pub host: String,
    /// Path and query, as the client sent them.
    pub uri: String,
}

impl Target {
    /// The address to come back to after signing in.
    pub fn url(&self) -> String {
        format!("{}://{}{}", self.scheme, self.host, self.uri)
    }
}

/// What the browser or script presented.
#[derive(Clone, Copy, Debug, Default)]
pub struct Credentials<'a> {
    /// The value of the Gatehouse session cookie.
    pub session: Option<&'a str>,
    /// A bearer token (used only where the application allows tokens).
    pub bearer: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed(Arc<Identity>),
    /// No valid credential: sign in, then come back to `return_to`.
    SignIn {
        return_to: String,
    },
    /// Signed in, but the application's rule does not admit this user.
    NotAllowed(Arc<Identity>),
    /// No application protects this host (and path): never waved through.
    UnknownHost,
}

#[derive(Clone, Debug)]
pub struct Decision {
    /// The application's name, when one claims the request.
    pub application: Option<String>,
    pub verdict: Verdict,
}

/// Decides one request. In the steady state (applications and credential
/// seen within the last minute, nothing revoked since) it reads nothing
/// from the database.
pub async fn check(
    state: &AppState,
    target: &Target,
    credentials: Credentials<'_>,
    addr: ClientAddr,
) -> Result<Decision, AppError> {
    let apps = protected_apps(state).await?;
    let path = hosts::normalize_path(&target.uri);
    let app = hosts::parse_host(&target.host).and_then(|host| {
        apps.iter()
            .filter_map(|app| app.claim(&host, &path).map(|score| (score, app)))
            .max_by_key(|(score, _)| *score)
            .map(|(_, app)| app)
    });
    let Some(app) = app else {
        state.gate.count(None, "refused");
        return Ok(Decision {
            application: None,
            verdict: Verdict::UnknownHost,
        });
    };
    let mut identity = None;
    if let Some(cookie) = credentials.session {
        identity = identify(state, Key::Session(cookie), addr).await?;
    }
    if identity.is_none() && app.allow_bearer_tokens {
        if let Some(token) = credentials.bearer {
            identity = identify(state, Key::Token(token), addr).await?;
        }
    }
    let (outcome, verdict) = match identity {
        None => (
            "unauthenticated",
            Verdict::SignIn {
                return_to: target.url(),
            },
        ),
        Some(who) => {
            let memberships = who
                .memberships
                .iter()
                .map(|(org, _, role)| (org.as_str(), *role));
            if app.access.admits(memberships) {
                ("allowed", Verdict::Allowed(who))
            } else {
                ("refused", Verdict::NotAllowed(who))
            }
        }
    };
    state.gate.count(Some(&app.name), outcome);
    Ok(Decision {
        application: Some(app.name.clone()),
        verdict,
    })
}

/// The protected applications, from memory when loaded within the minute.
pub async fn protected_apps(state: &AppState) -> Result<Arc<Vec<ProtectedApp>>, AppError> {
    if let Some(apps) = state.gate.apps() {
        return Ok(apps);
    }
    let rows = db::applications::list(&state.db).await?;
    let apps = rows
        .iter()
        .filter(|row| row.kind == "forward_auth")
        .map(|row| ProtectedApp {
            id: row.id.clone(),
            name: row.name.clone(),
            hosts: json_list(&row.hosts)
                .iter()
                .filter_map(|h| hosts::HostPattern::parse(h).ok())
                .collect(),
            path_prefixes: json_list(&row.path_prefixes),
            access: stored_access(&row.access),
            allow_bearer_tokens: row.allow_bearer_tokens,
        })
        .collect();
    Ok(state.gate.set_apps(apps))
}

enum Key<'a> {
    Session(&'a str),
    Token(&'a str),
}

/// Who a credential belongs to: from memory, or worked out through the
/// same path every other request takes (`auth::caller`), so a session
/// the panel would refuse is refused here too.
async fn identify(
    state: &AppState,
    key: Key<'_>,
    addr: ClientAddr,
) -> Result<Option<Arc<Identity>>, AppError> {
    let cache_key = match key {
        Key::Session(cookie) => format!("s:{cookie}"),
        Key::Token(token) => format!("t:{}", hash_secret(token)),
    };
    if let Some(found) = state.gate.remembered(&cache_key) {
        return Ok(found);
    }
    let resolved = match key {
        Key::Session(cookie) => {
            let Ok(id) = Id::from_str(cookie) else {
                return Ok(None);
            };
            let session = Session::new(
                Some(id),
                Arc::new(Store::new(&state.db)),
                Some(Expiry::OnInactivity(::time::Duration::minutes(
                    state.config.session_idle_minutes,
                ))),
            );
            let caller = caller::resolve(state, &HeaderMap::new(), Some(&session), addr).await;
            // Use keeps the session alive (at most every few minutes).
            if session.is_modified() && session.id().is_some() {
                if let Err(e) = session.save().await {
                    tracing::warn!("could not extend a session at the gate: {e}");
                }
            }
            caller
        }
        Key::Token(token) => {
            let mut headers = HeaderMap::new();
            match HeaderValue::from_str(&format!("Bearer {token}")) {
                Ok(value) => headers.insert(AUTHORIZATION, value),
                Err(_) => return Ok(None),
            };
            caller::resolve(state, &headers, None, addr).await
        }
    };
    let caller = match resolved {
        Ok(Some(caller)) => caller,
        Ok(None) | Err(AppError::Unauthenticated) | Err(AppError::Forbidden(_)) => {
            state.gate.remember(cache_key, None);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    // A session that owes a new password or a second factor's enrolment
    // reaches nothing but the panel.
    if caller.password_change_required || caller.second_factor_required {
        state.gate.remember(cache_key, None);
        return Ok(None);
    }
    let Some(user_id) = caller.user_id.clone() else {
        // An OAuth2 admin client is nobody to an upstream.
        state.gate.remember(cache_key, None);
        return Ok(None);
    };
    let Some(user) = db::users::by_id(&state.db, &user_id).await? else {
        return Ok(None);
    };
    let memberships = db::orgs::memberships_of(&state.db, std::slice::from_ref(&user_id))
        .await?
        .into_iter()
        .filter_map(|m| OrgRole::parse(&m.role).map(|role| (m.org_id, m.org_name, role)))
        .collect();
    let identity = Arc::new(Identity {
        name: user
            .display_name
            .clone()
            .unwrap_or_else(|| user.username.clone()),
        user_id,
        username: user.username,
        email: user.email,
        memberships,
        session_id: caller.session_id,
        token_id: caller.token_id,
    });
    state.gate.remember(cache_key, Some(identity.clone()));
    Ok(Some(identity))
}

/// Where a login may send the browser back to: a path of this site, or an
/// http(s) address on a protected host or on this server's own host.
/// Anything else (another site, credentials in the address) is None.
pub async fn return_address(state: &AppState, next: &str) -> Result<Option<String>, AppError> {
    if let Some(local) = crate::model::validate::local_path(next) {
        return Ok(Some(local.to_owned()));
    }
    let Ok(url) = url::Url::parse(next) else {
        return Ok(None);
    };
    if !matches!(url.scheme(), "http" | "https")
        || !url.username().is_empty()
        || url.password().is_some()
        || !next.bytes().all(|b| b.is_ascii_graphic())
    {
        return Ok(None);
    }
    let authority = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or("")),
        None => url.host_str().unwrap_or("").to_owned(),
    };
    let Some(host) = hosts::parse_host(&authority) else {
        return Ok(None);
    };
    let ours = url::Url::parse(&state.config.public_url)
        .ok()
        .is_some_and(|own| own.host_str() == url.host_str() && own.port() == url.port());
    let path = hosts::normalize_path(url.path());
    let protected = protected_apps(state)
        .await?
        .iter()
        .any(|app| app.claim(&host, &path).is_some());
    Ok((ours || protected).then(|| url.to_string()))
}
