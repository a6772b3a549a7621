//! The database: one pool of either backend, and the only place that writes SQL.
//!
//! Queries are written once with `$n` placeholders (SQLite accepts them too)
//! and run against whichever pool is configured through [`with_pool!`].

pub mod allowlist;
pub mod applications;
pub mod audit;
pub mod contacts;
pub mod import;
pub mod jobs;
pub mod keyset;
pub mod live;
pub mod messages;
pub mod modules;
pub mod oauth2;
pub mod oidc;
pub mod orgs;
pub mod provisioning;
pub mod rate_limits;
pub mod registration_tokens;
pub mod sessions;
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

/// Opening a write transaction: SQLite must take the write lock up front
/// (`BEGIN IMMEDIATE`), or a read-then-write transaction can fail with "busy"
/// instead of waiting for the other writer.
pub trait BeginWrite {
    type Database: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = sqlx::Result<Transaction<'static, Self::Database>>> + Send;
}

impl BeginWrite for SqlitePool {
    type Database = Sqlite;
    async fn begin_write(&self) -> sqlx::Result<Transaction<'static, Sqlite>> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Database = Postgres;
    async fn begin_write(&self) -> sqlx::Result<Transaction<'static, Postgres>> {
        self.begin().await
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
                .busy_timeout(Duration::from_secs(10))
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
