//! Pushes between instances over PostgreSQL LISTEN/NOTIFY. With SQLite there
//! is only ever one instance, so nothing travels.

use std::{sync::Arc, time::Duration};

use sqlx::{postgres::PgListener, PgPool};

use super::{Envelope, Live, Signal};
use crate::server::db::Db;

const CHANNEL: &str = "gatehouse_live";

/// Sends a signal to the other instances (this one has already applied it).
pub(super) async fn publish(live: &Live, signal: Signal) {
    let Db::Postgres(pool) = &live.db else {
        return;
    };
    let payload = match serde_json::to_string(&Envelope {
        from: live.instance_id.clone(),
        signal,
    }) {
        Ok(p) => p,
        Err(e) => {
            tracing::error!("live signal does not serialize: {e}");
            return;
        }
    };
    if let Err(e) = sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(&payload)
        .execute(pool)
        .await
    {
        tracing::warn!("could not notify other instances: {e}");
    }
}

/// Applies other instances' signals here, for the life of the process,
/// reconnecting after a lost connection.
pub(super) fn listen(live: Arc<Live>, pool: PgPool) {
    tokio::spawn(async move {
        loop {
            if let Err(e) = listen_once(&live, &pool).await {
                tracing::warn!("live listener: {e}; reconnecting");
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn listen_once(live: &Live, pool: &PgPool) -> sqlx::Result<()> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    loop {
        let notification = listener.recv().await?;
        match serde_json::from_str::<Envelope>(notification.payload()) {
            Ok(envelope) if envelope.from != live.instance_id => live.dispatch(&envelope.signal),
            Ok(_) => {}
            Err(e) => tracing::warn!("ignoring a malformed live signal: {e}"),
        }
    }
}
