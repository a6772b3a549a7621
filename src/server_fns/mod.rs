//! Server functions used by the panel, under stable `/api/...` paths so
//! that curl can call them too. Each is a thin call into `server::ops`.

pub mod access;
pub mod account;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod contacts;
pub mod email;
#[cfg(feature = "ssr")]
pub mod filters;
pub mod jobs;
pub mod live;
pub mod modules;
pub mod orgs;
pub mod registration;
pub mod second_factor;
pub mod server;
pub mod sessions;
pub mod users;

#[cfg(feature = "ssr")]
pub(crate) mod context {
    use axum::http::{header::ACCEPT, request::Parts, StatusCode};
    use leptos::prelude::use_context;
    use tower_sessions::Session;

    use crate::{
        model::AppError,
        server::{auth::caller, ops::Caller, rest::extract::client_addr, AppState},
    };

    pub fn state() -> Result<AppState, AppError> {
        use_context::<AppState>().ok_or_else(|| {
            tracing::error!("server function without AppState in context");
            AppError::Internal
        })
    }

    fn parts() -> Result<Parts, AppError> {
        use_context::<Parts>().ok_or(AppError::Internal)
    }

    pub fn session() -> Result<Session, AppError> {
        parts()?
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(AppError::Internal)
    }

    pub fn ip() -> Option<String> {
        parts().ok().and_then(|p| client_addr(&p).ip_string())
    }

    /// The host name the browser asked for (`Host`, without the port).
    pub fn host() -> Option<String> {
        parts().ok().and_then(|p| {
            let host = p.headers.get(axum::http::header::HOST)?.to_str().ok()?;
            let name = match host.rsplit_once(':') {
                Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
                _ => host,
            };
            Some(name.to_owned())
        })
    }

    pub fn user_agent() -> Option<String> {
        parts().ok().and_then(|p| {
            p.headers
                .get(axum::http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
    }

    /// Starts the panel session of a user who just proved who they are
    /// (every factor the account has); returns whether the session must
    /// first enrol a second factor (the policy wants one the account lacks).
    pub async fn start_session(
        state: &AppState,
        user_id: &str,
        admin: bool,
    ) -> Result<bool, AppError> {
        use crate::server::{auth::session, ops::second_factor};
        let browser_session = session()?;
        session::start(
            state,
            &browser_session,
            user_id,
            ip(),
            user_agent().as_deref(),
        )
        .await?;
        let must_enrol = second_factor::must_enrol(state, user_id, admin).await?;
        session::set_enrolment_required(&browser_session, must_enrol).await?;
        Ok(must_enrol)
    }

    /// Signs `user` in (all factors proven) and says where to go next: the
    /// password change a temporary password needs, the enrolment the policy
    /// needs, `next` (a panel path or an application behind the gate), or
    /// the start page.
    pub async fn finish_sign_in(
        state: &AppState,
        user: &crate::server::db::users::UserRow,
        next: Option<&str>,
    ) -> Result<String, AppError> {
        let must_enrol = start_session(state, &user.id, user.admin_rights()).await?;
        // The account's language follows it to this browser.
        if let Some(language) =
            crate::server::ops::account::stored_language(state, &user.id).await?
        {
            remember_language(Some(language));
        }
        if user.password_change_required {
            // Nothing else works until the temporary password is replaced.
            return Ok("/account/password".to_owned());
        }
        if must_enrol {
            return Ok("/account/security".to_owned());
        }
        let back = match next {
            Some(next) => crate::server::ops::forward_auth::return_address(state, next).await?,
            None => None,
        };
        // The start page sends each role to its first page.
        let fallback = if user.admin_rights() { "/" } else { "/account" };
        Ok(back.unwrap_or_else(|| fallback.to_owned()))
    }

    /// Puts `language` (`None`: the browser's) in this browser's language
    /// cookie, with the response of the running server function.
    pub fn remember_language(language: Option<crate::i18n::Language>) {
        let cookie = crate::server::language::cookie(language);
        if let (Some(response), Ok(value)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            axum::http::HeaderValue::from_str(&cookie),
        ) {
            response.append_header(axum::http::header::SET_COOKIE, value);
        }
    }

    /// The caller, if any. During server rendering the page guard has already
    /// resolved it; otherwise the request's credentials are checked here.
    pub async fn caller(state: &AppState) -> Result<Option<Caller>, AppError> {
        let parts = parts()?;
        if let Some(c) = parts.extensions.get::<Caller>() {
            return Ok(Some(c.clone()));
        }
        let session = parts.extensions.get::<Session>().cloned();
        caller::resolve_for_panel(state, &parts.headers, session.as_ref(), client_addr(&parts))
            .await
    }

    pub async fn require_caller(state: &AppState) -> Result<Caller, AppError> {
        caller(state).await?.ok_or(AppError::Unauthenticated)
    }

    /// Whether the request is a plain HTML form post (no JavaScript): its
    /// answer is a page to go to, not data.
    pub fn plain_form() -> bool {
        parts()
            .ok()
            .and_then(|p| {
                p.headers
                    .get(ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.contains("text/html"))
            })
            .unwrap_or(false)
    }

    /// Gives an error its HTTP status, except for plain HTML form posts, which
    /// must get the redirect back to the form (with the error in its URL).
    pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(e) = &result {
            if !plain_form() {
                if let (Some(res), Ok(status)) = (
                    use_context::<leptos_axum::ResponseOptions>(),
                    StatusCode::from_u16(e.status()),
                ) {
                    res.set_status(status);
                    if let Some(retry_after_secs) = e.retry_after_secs() {
                        res.insert_header(
                            axum::http::header::RETRY_AFTER,
                            axum::http::HeaderValue::from(retry_after_secs),
                        );
                    }
                }
            }
        }
        result
    }

    /// The body of most server functions: `work` with the state and the
    /// logged-in caller (401 without one), its error given its status by
    /// [`respond`].
    pub async fn as_caller<T, Work>(
        work: impl FnOnce(AppState, Caller) -> Work,
    ) -> Result<T, AppError>
    where
        Work: std::future::Future<Output = Result<T, AppError>>,
    {
        respond(
            async {
                let state = state()?;
                let caller = require_caller(&state).await?;
                work(state, caller).await
            }
            .await,
        )
    }
}
