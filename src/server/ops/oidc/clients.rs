//! The OpenID Connect clients (row and secret digest) in memory for the
//! token endpoint, which would otherwise read one at every request. An
//! entry lives a minute at most and every entry is forgotten as soon as
//! any application changes (created, edited, its secret rotated, deleted)
//! on any instance, through the live bus.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use crate::server::db::{self, applications::AppRow, Db};

const TTL: Duration = Duration::from_secs(60);
/// Beyond this many clients the cache starts afresh (only known client
/// ids are kept, so only registered applications can fill it).
const MAX: usize = 10_000;

pub type Client = Arc<(AppRow, Option<String>)>;

#[derive(Default)]
pub struct ClientCache {
    entries: Mutex<HashMap<String, (Client, Instant)>>,
}

impl ClientCache {
    /// The application `client_id` with its secret digest; None if unknown.
    pub async fn get(&self, db: &Db, client_id: &str) -> sqlx::Result<Option<Client>> {
        if let Some((client, at)) = self.lock().get(client_id) {
            if at.elapsed() < TTL {
                return Ok(Some(client.clone()));
            }
        }
        let Some(found) = db::applications::with_secret(db, client_id).await? else {
            return Ok(None);
        };
        let client = Arc::new(found);
        let mut entries = self.lock();
        if entries.len() >= MAX {
            entries.clear();
        }
        entries.insert(client_id.to_owned(), (client.clone(), Instant::now()));
        Ok(Some(client))
    }

    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Client, Instant)>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}
