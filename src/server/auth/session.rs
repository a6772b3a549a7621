//! Browser sessions: tower-sessions with its rows in our own database, so
//! they survive restarts and are shared by every instance.

use async_trait::async_trait;
use tower_sessions::{
    cookie::SameSite,
    session::{Id, Record},
    session_store::{self, ExpiredDeletion},
    Expiry, SessionManagerLayer, SessionStore,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use crate::server::{config::Config, db::Db};

pub const USER_ID_KEY: &str = "uid";
/// When the session was last refreshed (unix ms).
pub const SEEN_KEY: &str = "seen";
/// When the user logged in (unix ms); sessions older than the user's
/// `sessions_valid_after` are void.
pub const LOGIN_AT_KEY: &str = "login_at";

/// The id of the session's `user_sessions` row.
pub const SESSION_ID_KEY: &str = "sid";
/// When this session last proved the password or a factor (unix ms): the
/// step-up check of dangerous changes.
pub const VERIFIED_AT_KEY: &str = "verified_at";
/// Set while the policy wants a second factor this account lacks.
pub const ENROL_KEY: &str = "must_enrol";
/// The user who gave the right password and owes the second step (no
/// `USER_ID_KEY` yet: the session grants nothing else), and since when.
const PENDING_USER_KEY: &str = "pending_uid";
const PENDING_AT_KEY: &str = "pending_at";
/// How long the second step may wait for its code.
const PENDING_MS: i64 = 10 * 60_000;

fn store_failed(e: tower_sessions::session::Error) -> crate::model::AppError {
    tracing::error!("session store: {e}");
    crate::model::AppError::Internal
}

/// Remembers who owes the second step, under a new session id; nothing is
/// signed in yet.
pub async fn begin_second_step(
    session: &tower_sessions::Session,
    user_id: &str,
) -> Result<(), crate::model::AppError> {
    // Whoever this browser was signed in as before is signed out.
    session.clear().await;
    session.cycle_id().await.map_err(store_failed)?;
    session
        .insert(PENDING_USER_KEY, user_id)
        .await
        .map_err(store_failed)?;
    session
        .insert(PENDING_AT_KEY, crate::server::time::now_ms())
        .await
        .map_err(store_failed)
}

/// The user owing the second step, while it has not expired.
pub async fn pending_user(session: &tower_sessions::Session) -> Option<String> {
    let at: i64 = session.get(PENDING_AT_KEY).await.ok().flatten()?;
    if crate::server::time::now_ms() - at > PENDING_MS {
        return None;
    }
    session.get(PENDING_USER_KEY).await.ok().flatten()
}

/// The password or a factor was proven again (step-up).
pub async fn mark_verified(
    session: &tower_sessions::Session,
) -> Result<(), crate::model::AppError> {
    session
        .insert(VERIFIED_AT_KEY, crate::server::time::now_ms())
        .await
        .map_err(store_failed)
}

/// Sends this session to enrol a second factor (`true`), or lets it go.
pub async fn set_enrolment_required(
    session: &tower_sessions::Session,
    required: bool,
) -> Result<(), crate::model::AppError> {
    if required {
        session.insert(ENROL_KEY, true).await.map_err(store_failed)
    } else {
        session
            .remove_value(ENROL_KEY)
            .await
            .map_err(store_failed)
            .map(drop)
    }
}

/// Keeps a WebAuthn ceremony's state (JSON) until the browser answers.
pub async fn keep_ceremony(
    session: &tower_sessions::Session,
    key: &str,
    state: String,
) -> Result<(), crate::model::AppError> {
    session.insert(key, state).await.map_err(store_failed)
}

/// Takes a ceremony's state back: each state serves one answer only.
pub async fn take_ceremony(session: &tower_sessions::Session, key: &str) -> Option<String> {
    session.remove::<String>(key).await.ok().flatten()
}

/// Starts an authenticated session for `user_id`, under a new session id
/// (which defeats session fixation), and records it with the client's
/// address and User-Agent.
pub async fn start(
    state: &crate::server::AppState,
    session: &tower_sessions::Session,
    user_id: &str,
    client_ip: Option<String>,
    user_agent: Option<&str>,
) -> Result<(), crate::model::AppError> {
    let record =
        crate::server::ops::sessions::record_login(state, user_id, client_ip, user_agent).await?;
    session.cycle_id().await.map_err(store_failed)?;
    for key in [PENDING_USER_KEY, PENDING_AT_KEY, ENROL_KEY] {
        session.remove_value(key).await.map_err(store_failed)?;
    }
    session
        .insert(USER_ID_KEY, user_id)
        .await
        .map_err(store_failed)?;
    session
        .insert(VERIFIED_AT_KEY, crate::server::time::now_ms())
        .await
        .map_err(store_failed)?;
    session
        .insert(SESSION_ID_KEY, &record)
        .await
        .map_err(store_failed)?;
    session
        .insert(LOGIN_AT_KEY, crate::server::time::now_ms())
        .await
        .map_err(store_failed)?;
    Ok(())
}
pub const COOKIE_NAME: &str = "gatehouse_session";

/// The store of whichever backend is configured.
#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Store {
    pub fn new(db: &Db) -> Self {
        match db {
            Db::Sqlite(pool) => Self::Sqlite(SqliteStore::new(pool.clone())),
            Db::Postgres(pool) => Self::Postgres(PostgresStore::new(pool.clone())),
        }
    }

    /// Creates the store's table if missing (part of the migrations).
    pub async fn migrate(&self) -> sqlx::Result<()> {
        match self {
            Self::Sqlite(s) => s.migrate().await,
            Self::Postgres(s) => s.migrate().await,
        }
    }

    /// Deletes expired sessions every few minutes, for the life of the process.
    pub fn spawn_cleanup(&self) {
        let store = self.clone();
        tokio::spawn(async move {
            let every = std::time::Duration::from_secs(300);
            let result = match store {
                Self::Sqlite(s) => s.continuously_delete_expired(every).await,
                Self::Postgres(s) => s.continuously_delete_expired(every).await,
            };
            if let Err(e) = result {
                tracing::warn!("session cleanup stopped: {e}");
            }
        });
    }

    pub fn layer(self, config: &Config) -> SessionManagerLayer<Store> {
        let layer = match &config.cookie_domain {
            Some(domain) => SessionManagerLayer::new(self).with_domain(domain.clone()),
            None => SessionManagerLayer::new(self),
        };
        layer
            .with_name(COOKIE_NAME)
            .with_http_only(true)
            .with_secure(config.cookie_secure)
            .with_same_site(if config.same_site_strict {
                SameSite::Strict
            } else {
                SameSite::Lax
            })
            .with_expiry(Expiry::OnInactivity(::time::Duration::minutes(
                config.session_idle_minutes,
            )))
    }
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s) => s.create(record).await,
            Self::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s) => s.save(record).await,
            Self::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Self::Sqlite(s) => s.load(id).await,
            Self::Postgres(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Self::Sqlite(s) => s.delete(id).await,
            Self::Postgres(s) => s.delete(id).await,
        }
    }
}
