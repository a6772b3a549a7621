//! The delivery worker: one per instance, draining the shared outbox.

use std::time::Duration;

use crate::server::{db, time::now_ms, AppState};

/// How often an idle worker looks for due messages queued elsewhere.
const POLL: Duration = Duration::from_secs(1);
/// A claimed message is this instance's for this long; longer than any
/// SMTP conversation, so a live worker never loses it mid-send, while a
/// crashed one's message is picked up again afterwards.
const LEASE_MS: i64 = 120_000;
/// The longest wait between two attempts.
const MAX_BACKOFF_SECS: u64 = 3_600;

/// Starts this instance's worker (when mail is configured).
pub fn start(state: &AppState) {
    if state.mail.transport.is_none() {
        return;
    }
    let state = state.clone();
    tokio::spawn(async move {
        loop {
            match deliver_one(&state).await {
                Ok(true) => {}
                Ok(false) => {
                    // Until a message is queued here, or one queued by
                    // another instance becomes due.
                    let _ = tokio::time::timeout(POLL, state.mail.queued.notified()).await;
                }
                Err(e) => {
                    tracing::warn!("mail: cannot read the outbox: {e}");
                    tokio::time::sleep(POLL * 5).await;
                }
            }
        }
    });
}

/// Wait before attempt `attempts + 1`: the configured first wait, doubled
/// after each further failure.
pub fn backoff_secs(first: u64, attempts: i64) -> u64 {
    let doublings = u32::try_from(attempts.max(1) - 1)
        .unwrap_or(u32::MAX)
        .min(20);
    first.saturating_mul(1 << doublings).min(MAX_BACKOFF_SECS)
}

/// Claims and sends one due message; `false` when none was due.
async fn deliver_one(state: &AppState) -> sqlx::Result<bool> {
    let (Some(transport), Some(config)) = (&state.mail.transport, &state.config.email) else {
        return Ok(false);
    };
    let instance = &state.live.instance_id;
    let now = now_ms();
    let Some(row) = db::outbox::claim(&state.db, instance, now, now + LEASE_MS).await? else {
        return Ok(false);
    };
    match transport.send(&row).await {
        Ok(()) => {
            tracing::info!(mail = %row.id, kind = %row.kind, "mail sent");
            db::outbox::mark_sent(&state.db, &row.id, instance, now_ms()).await?;
        }
        Err(error) => {
            let retry_at = (!error.permanent && row.attempts < i64::from(config.max_attempts))
                .then(|| now_ms() + 1000 * backoff_secs(config.retry_seconds, row.attempts) as i64);
            tracing::warn!(mail = %row.id, attempts = row.attempts, gave_up = retry_at.is_none(), "mail not sent: {error}");
            db::outbox::mark_attempt_failed(&state.db, &row.id, instance, &error.reason, retry_at)
                .await?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_up_to_an_hour() {
        assert_eq!(backoff_secs(30, 1), 30);
        assert_eq!(backoff_secs(30, 2), 60);
        assert_eq!(backoff_secs(30, 4), 240);
        assert_eq!(backoff_secs(30, 40), MAX_BACKOFF_SECS);
        assert_eq!(backoff_secs(1, 0), 1);
    }
}
