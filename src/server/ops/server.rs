//! What the server says about itself: version, effective settings and the
//! dashboard's figures.

use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use super::Caller;
use crate::{
    model::{AppError, DailyFigures, ServerStats, ServerVersion, Settings},
    server::{
        db::{self, stats::DailyTable},
        time::{now_ms, rfc3339},
        AppState,
    },
};

/// Figures younger than this are served from memory: however many dashboards
/// are open, the database counts at most once per interval per instance.
pub const STATS_MAX_AGE: Duration = Duration::from_secs(2);
const DAYS: i64 = 30;
const DAY_MS: i64 = 86_400_000;

/// The last figures this instance counted.
#[derive(Default)]
pub struct StatsCache {
    last: Mutex<Option<(Instant, ServerStats)>>,
}

pub async fn version(state: &AppState, caller: &Caller) -> Result<ServerVersion, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    Ok(ServerVersion {
        version: env!("CARGO_PKG_VERSION").into(),
        git_commit: env!("GATEHOUSE_GIT_COMMIT").into(),
        build_time: env!("GATEHOUSE_BUILD_TIME").into(),
        database: state.db.backend().into(),
        database_version: db::stats::database_version(&state.db).await?,
    })
}

pub fn settings(state: &AppState, caller: &Caller) -> Result<Settings, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    Ok(crate::server::settings::effective(&state.config))
}

pub async fn stats(state: &AppState, caller: &Caller) -> Result<ServerStats, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    // Holding the lock while counting makes concurrent askers wait for one
    // count instead of each starting their own.
    let mut last = state.stats.last.lock().await;
    if let Some((at, figures)) = last.as_ref() {
        if at.elapsed() < STATS_MAX_AGE {
            return Ok(figures.clone());
        }
    }
    let figures = count(state).await?;
    *last = Some((Instant::now(), figures.clone()));
    Ok(figures)
}

/// Counts afresh now (the "recount statistics" job), whatever the cache holds.
pub async fn refresh(state: &AppState) -> Result<ServerStats, AppError> {
    let figures = count(state).await?;
    *state.stats.last.lock().await = Some((Instant::now(), figures.clone()));
    Ok(figures)
}

async fn count(state: &AppState) -> Result<ServerStats, AppError> {
    let db = &state.db;
    let now = now_ms();
    let today = now / DAY_MS;
    let first_day = today - (DAYS - 1);
    let signups = db::stats::per_day(db, DailyTable::Users, first_day * DAY_MS).await?;
    let logins = db::stats::per_day(db, DailyTable::Sessions, first_day * DAY_MS).await?;
    let on =
        |rows: &[(i64, i64)], day: i64| rows.iter().find(|(d, _)| *d == day).map_or(0, |(_, n)| *n);
    let daily = (first_day..=today)
        .map(|day| DailyFigures {
            date: rfc3339(day * DAY_MS)[..10].to_owned(),
            signups: on(&signups, day),
            logins: on(&logins, day),
        })
        .collect();
    Ok(ServerStats {
        users: db::stats::user_totals(db).await?,
        active_1d: db::stats::users_seen_since(db, now - DAY_MS).await?,
        active_7d: db::stats::users_seen_since(db, now - 7 * DAY_MS).await?,
        active_30d: db::stats::users_seen_since(db, now - 30 * DAY_MS).await?,
        sessions_active: db::stats::active_sessions(db, super::sessions::idle_cutoff(state, now))
            .await?,
        tokens_active: db::stats::active_tokens(db, now).await?,
        oauth2_clients: db::stats::oauth2_clients(db).await?,
        orgs: db::stats::orgs(db).await?,
        registration_tokens_valid: db::stats::valid_registration_tokens(db, now).await?,
        admins_without_second_factor: db::stats::admins_without_second_factor(db).await?,
        connected_now: db::live::count(db, None, now).await?.1,
        messages_queued: db::stats::queued_messages(db).await?,
        jobs_running: db::jobs::running(db).await?,
        daily,
        computed_at: rfc3339(now),
    })
}
