use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::{auth::limiter::LoginLimiter, config::Config, db::Db, live::Live};

/// Shared by every request handler, server function and CLI command.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub leptos_options: LeptosOptions,
    pub login_limiter: Arc<LoginLimiter>,
    /// The bounded pool every password hash goes through.
    pub hasher: Arc<super::auth::password::Hasher>,
    /// This instance's live connections.
    pub live: Arc<Live>,
    /// The dashboard's figures, counted at most every few seconds.
    pub stats: Arc<super::ops::server::StatsCache>,
    /// Request counts and latencies for `/metrics`.
    pub metrics: Arc<super::metrics::Metrics>,
    /// The panel's static files.
    pub assets: Arc<super::assets::Assets>,
    /// The OpenID Connect provider's ID-token signing keys.
    pub signing_keys: Arc<super::oidc::keys::SigningKeys>,
    /// The forward-auth gate's applications and credentials in memory.
    pub gate: Arc<super::ops::forward_auth::gate::Gate>,
    /// OpenID Connect clients as the token endpoint authenticates them.
    pub clients: Arc<super::ops::oidc::clients::ClientCache>,
    /// Outgoing mail: the SMTP transport and the outbox worker's bell.
    pub mail: Arc<super::email::Mail>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
