//! The database: one pool of either backend, and the only place that writes SQL.
//!
//! Queries are written once with `$n` placeholders (SQLite accepts them too)
//! and run against whichever pool is configured through [`with_pool!`].

pub mod allowlist;
pub mod applications;
pub mod audit;
pub mod contacts;
pub mod email;
pub mod factors;
pub mod import;
pub mod jobs;
pub mod keyset;
pub mod live;
pub mod messages;
pub mod modules;
pub mod oauth2;
pub mod oidc;
pub mod orgs;
pub mod outbox;
pub mod provisioning;
pub mod rate_limits;
pub mod registration_tokens;
pub mod sessions;
pub mod sql;
pub mod stats;
pub mod tokens;
pub mod users;

use std::{str::FromStr, time::Duration};

use sqlx::{
    postgres::PgPoolOptions,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    PgPool, Postgres, Sqlite, SqlitePool, Transaction,
};

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the concrete pool; the body is compiled
/// once per backend, so the same generic sqlx code serves both.
#[macro_export]
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::server::db::Db::Sqlite($pool) => $body,
            $crate::server::db::Db::Postgres($pool) => $body,
        }
    };
}
pub use with_pool;

/// A value to bind to a dynamically built query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Int(i64),
    Bool(bool),
}

/// Binds `args` in order to a query of either backend.
#[macro_export]
macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut q = $query;
        for arg in $args {
            q = match arg {
                $crate::server::db::Arg::Text(v) => q.bind(v.clone()),
                $crate::server::db::Arg::Int(v) => q.bind(*v),
                $crate::server::db::Arg::Bool(v) => q.bind(*v),
            };
        }
        q
    }};
}
pub use bind_args;

/// Runs one statement in a write transaction, recording the audit entry (an
/// `&AuditEntry`, or an `Option` of one) in the same transaction only when
/// the statement changed a row; evaluates to whether it did.
#[macro_export]
macro_rules! audited_change {
    ($db:expr, $audit:expr, $query:expr) => {
        $crate::server::db::audited_change!($db, $audit, $query, None)
    };
    // With a message (`Option<&OutgoingMail>`) queued when it changed too.
    ($db:expr, $audit:expr, $query:expr, $mail:expr) => {
        $crate::server::db::with_pool!($db, pool => {
            let mut tx = $crate::server::db::BeginWrite::begin_write(pool).await?;
            let changed = $query.execute(&mut *tx).await?.rows_affected() > 0;
            let audit = Option::<&$crate::server::db::audit::AuditEntry>::from($audit);
            if let (true, Some(audit)) = (changed, audit) {
                audit.insert(&mut *tx).await?;
            }
            let mail: Option<&$crate::server::db::outbox::OutgoingMail> = $mail;
            if let (true, Some(mail)) = (changed, mail) {
                mail.insert(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(changed)
        })
    };
}
pub use audited_change;

/// Runs one statement in a write transaction together with its audit entry
/// (an `&AuditEntry`, or an `Option` of one): both are kept or neither.
#[macro_export]
macro_rules! audited_write {
    ($db:expr, $audit:expr, $query:expr) => {
        $crate::server::db::audited_write!($db, $audit, $query, None)
    };
    // With a message (`Option<&OutgoingMail>`) queued in the same transaction.
    ($db:expr, $audit:expr, $query:expr, $mail:expr) => {
        $crate::server::db::with_pool!($db, pool => {
            let mut tx = $crate::server::db::BeginWrite::begin_write(pool).await?;
            $query.execute(&mut *tx).await?;
            if let Some(audit) = Option::<&$crate::server::db::audit::AuditEntry>::from($audit) {
                audit.insert(&mut *tx).await?;
            }
            let mail: Option<&$crate::server::db::outbox::OutgoingMail> = $mail;
            if let Some(mail) = mail {
                mail.insert(&mut *tx).await?;
            }
            tx.commit().await
        })
    };
}
pub use audited_write;

/// Opening a write transaction: SQLite must take the write lock up front
/// (`BEGIN IMMEDIATE`), or a read-then-write transaction can fail with "busy"
/// instead of waiting for the other writer.
pub trait BeginWrite {
    type Database: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = sqlx::Result<WriteTx<Self::Database>>> + Send;
}

/// A write transaction; on SQLite it also holds this process's turn to
/// write. Use it as a connection (`&mut *tx`) and end it with `commit`
/// (dropping it rolls back).
pub struct WriteTx<DB: sqlx::Database> {
    tx: Transaction<'static, DB>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl<DB: sqlx::Database> WriteTx<DB> {
    pub async fn commit(self) -> sqlx::Result<()> {
        self.tx.commit().await
    }
}

impl<DB: sqlx::Database> std::ops::Deref for WriteTx<DB> {
    type Target = DB::Connection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl<DB: sqlx::Database> std::ops::DerefMut for WriteTx<DB> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// This process's writers to one SQLite file take turns in an async queue.
/// SQLite alone would let every writer but one fail to lock, sleep in its
/// busy handler (1, 2, 5, 10… ms) and retry: under concurrent writes most
/// of the time went to those sleeps. Other processes (the CLI beside a
/// running server) still meet the busy timeout.
async fn sqlite_writer_turn(pool: &SqlitePool) -> Option<tokio::sync::OwnedMutexGuard<()>> {
    use std::{
        collections::HashMap,
        path::PathBuf,
        sync::{Arc, Mutex, OnceLock},
    };
    type Turns = Mutex<HashMap<PathBuf, Arc<tokio::sync::Mutex<()>>>>;
    static TURNS: OnceLock<Turns> = OnceLock::new();
    let turn = {
        let mut turns = TURNS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        turns
            .entry(pool.connect_options().get_filename().to_path_buf())
            .or_default()
            .clone()
    };
    // A writer that never ends its transaction must not stop the others
    // for good: after the busy timeout they fall back to SQLite's locking.
    tokio::time::timeout(SQLITE_BUSY_TIMEOUT, turn.lock_owned())
        .await
        .ok()
}

const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl BeginWrite for SqlitePool {
    type Database = Sqlite;
    /// Runs to the end in a task of its own even if the caller is dropped
    /// (a client gone mid-request): sqlx's `begin_with` cancelled after the
    /// `BEGIN` ran but before it returned leaves the pooled connection inside
    /// a transaction that nobody ends, holding the write lock for good (seen
    /// as every writer stalling). Finished, an unwanted transaction is
    /// simply dropped, which rolls it back.
    async fn begin_write(&self) -> sqlx::Result<WriteTx<Sqlite>> {
        let pool = self.clone();
        tokio::spawn(async move {
            let turn = sqlite_writer_turn(&pool).await;
            Ok(WriteTx {
                tx: pool.begin_with("BEGIN IMMEDIATE").await?,
                _turn: turn,
            })
        })
        .await
        .map_err(|e| sqlx::Error::Io(std::io::Error::other(e)))?
    }
}

impl BeginWrite for PgPool {
    type Database = Postgres;
    async fn begin_write(&self) -> sqlx::Result<WriteTx<Postgres>> {
        Ok(WriteTx {
            tx: self.begin().await?,
            _turn: None,
        })
    }
}

impl Db {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, BoxError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            Ok(Self::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                // Reads of a large database come from the page cache through
                // mmap instead of a read() per page, and hot pages stay cached.
                .pragma("mmap_size", "4294967296")
                .pragma("cache_size", "-65536");
            let pool = SqlitePoolOptions::new()
                .max_connections(max_connections)
                .min_connections(1)
                .connect_with(options)
                .await?;
            Ok(Self::Sqlite(pool))
        } else {
            Err("database URL must start with sqlite: or postgres://".into())
        }
    }

    /// A handle for reading a whole table once (exports). On SQLite it is a
    /// connection of its own, closed when dropped, that maps no memory and
    /// keeps a small cache: a long scan through the pooled connections would
    /// leave the whole table mapped (and counted) in each of them.
    pub async fn for_long_scan(&self) -> sqlx::Result<Db> {
        match self {
            Self::Postgres(_) => Ok(self.clone()),
            Self::Sqlite(pool) => {
                let options = (*pool.connect_options())
                    .clone()
                    .pragma("mmap_size", "0")
                    .pragma("cache_size", "-2048");
                let pool = SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(options)
                    .await?;
                Ok(Self::Sqlite(pool))
            }
        }
    }

    /// Applies pending migrations of this backend. Safe to run at every start.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Self::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await,
            Self::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await,
        }
    }

    /// Connections the pool holds, and how many of them are idle.
    pub fn pool_size(&self) -> (u32, u32) {
        with_pool!(self, pool => (pool.size(), pool.num_idle() as u32))
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }
}

/// `$from, $from+1, …` for `n` values, as in an `IN (...)` list.
pub(crate) fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
