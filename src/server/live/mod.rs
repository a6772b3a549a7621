//! Live connections: every logged-in panel page keeps one server-sent-events
//! stream open. This instance's streams sit in a registry; the database lists
//! the streams of every instance; PostgreSQL LISTEN/NOTIFY carries pushes to
//! the instances that hold the recipients.

mod bus;
pub mod sse;

use std::{
    collections::HashMap,
    sync::{atomic::Ordering, Arc, Mutex},
    time::Duration,
};

use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, watch};

use crate::{
    model::{AppError, LiveEvent},
    server::{config::LiveLimits, db, db::Db, time::now_ms},
};

/// Events a slow client may fall behind by before newer ones are dropped.
const QUEUE: usize = 32;
const HEARTBEAT: Duration = Duration::from_secs(10);
/// How often administrators' "online" figure is refreshed.
const ONLINE_REFRESH: Duration = Duration::from_secs(2);
/// What a client over a stream cap is told to wait.
const RETRY_AFTER_SECS: u64 = 30;

/// What a connection's stream receives.
#[derive(Clone, Debug)]
pub enum Push {
    /// An event, already serialized (shared by every recipient).
    Event(Arc<str>),
}

/// A push that may have to travel to other instances.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Signal {
    Deliver {
        user_id: String,
        event: LiveEvent,
    },
    Broadcast {
        event: LiveEvent,
    },
    CloseSessions {
        session_ids: Vec<String>,
    },
    /// Streams opened with these personal tokens.
    CloseTokens {
        token_ids: Vec<String>,
    },
    /// Every stream of these users. `revoked`: their credentials are void
    /// (a `revoked` event first); otherwise the client reconnects and is
    /// authorised afresh (after a demotion).
    CloseUsers {
        user_ids: Vec<String>,
        revoked: bool,
    },
    /// Memberships or applications changed: caches of access decisions
    /// (the forward-auth gate's) start afresh. No stream is touched.
    AccessChanged,
}

/// What caches of credentials and decisions must forget, heard from this
/// instance or another one.
#[derive(Clone, Copy, Debug)]
pub enum Forget<'a> {
    Sessions(&'a [String]),
    Tokens(&'a [String]),
    Users(&'a [String]),
    Everything,
}

type Watcher = Box<dyn Fn(Forget<'_>) + Send + Sync>;

#[derive(Serialize, Deserialize)]
struct Envelope {
    from: String,
    signal: Signal,
}

struct Local {
    id: String,
    session_id: Option<String>,
    token_id: Option<String>,
    admin: bool,
    tx: mpsc::Sender<Push>,
}

/// Who is connected to this instance.
#[derive(Default)]
struct Registry {
    by_user: HashMap<String, Vec<Local>>,
}

pub struct Live {
    pub instance_id: String,
    db: Db,
    limits: LiveLimits,
    registry: Mutex<Registry>,
    shutdown: watch::Sender<bool>,
    /// Whether this instance's row exists (its first heartbeat happened).
    registered: std::sync::atomic::AtomicBool,
    watchers: Mutex<Vec<Watcher>>,
}

/// Who opens a connection, and from where.
pub struct Opening {
    pub user_id: String,
    pub session_id: Option<String>,
    /// The personal token the stream was opened with.
    pub token_id: Option<String>,
    pub admin: bool,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
}

/// Keeps a connection registered; dropping it (the stream ended) forgets it.
pub struct Registration {
    live: Arc<Live>,
    pub connection_id: String,
    user_id: String,
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.live.forget(&self.user_id, &self.connection_id);
        let db = self.live.db.clone();
        let id = self.connection_id.clone();
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            handle.spawn(async move {
                if let Err(e) = db::live::delete(&db, &id).await {
                    tracing::warn!("could not remove live connection {id}: {e}");
                }
            });
        }
    }
}

fn process_stop() -> &'static watch::Sender<bool> {
    static STOP: std::sync::OnceLock<watch::Sender<bool>> = std::sync::OnceLock::new();
    STOP.get_or_init(|| watch::channel(false).0)
}

/// The process received its stop signal: every instance's streams end.
pub fn process_stopping() {
    process_stop().send_replace(true);
}

/// Ends the streams `doomed` picks: dropping a sender ends its stream once
/// the queue is read, after the `revoked` event when `revoked`.
fn close(registry: &mut Registry, revoked: bool, doomed: impl Fn(&str, &Local) -> bool) {
    let push = Push::Event(serialize(&LiveEvent::Revoked));
    for (user, list) in registry.by_user.iter_mut() {
        list.retain(|c| {
            let ends = doomed(user, c);
            if ends && revoked {
                let _ = c.tx.try_send(push.clone());
            }
            !ends
        });
    }
    registry.by_user.retain(|_, list| !list.is_empty());
}

fn serialize(event: &LiveEvent) -> Arc<str> {
    serde_json::to_string(event)
        .expect("live events serialize")
        .into()
}

impl Live {
    pub fn new(db: Db, limits: LiveLimits) -> Arc<Self> {
        Arc::new(Self {
            instance_id: crate::server::time::new_id(),
            db,
            limits,
            registry: Mutex::new(Registry::default()),
            shutdown: watch::channel(false).0,
            registered: std::sync::atomic::AtomicBool::new(false),
            watchers: Mutex::new(Vec::new()),
        })
    }

    /// Calls `watcher` with every revocation, from any instance.
    pub fn on_forget(&self, watcher: impl Fn(Forget<'_>) + Send + Sync + 'static) {
        self.watchers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Box::new(watcher));
    }

    /// Memberships or applications changed, on every instance.
    pub async fn access_changed(&self) {
        self.send(Signal::AccessChanged).await
    }

    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts this instance's heartbeat, the administrators' online figure and,
    /// on PostgreSQL, the listener for other instances' pushes.
    pub fn start(self: &Arc<Self>) {
        let live = self.clone();
        tokio::spawn(async move {
            let mut beat = tokio::time::interval(HEARTBEAT);
            loop {
                beat.tick().await;
                let now = now_ms();
                match db::live::beat(&live.db, &live.instance_id, now).await {
                    Ok(()) => live.registered.store(true, Ordering::Relaxed),
                    Err(e) => tracing::warn!("live heartbeat failed: {e}"),
                }
                if let Err(e) = db::live::sweep(&live.db, now).await {
                    tracing::warn!("sweeping stale live connections failed: {e}");
                }
            }
        });
        let live = self.clone();
        tokio::spawn(async move { live.refresh_online().await });
        if let Db::Postgres(pool) = &self.db {
            bus::listen(self.clone(), pool.clone());
        }
    }

    /// Registers a connection here and in the database; 429 beyond the
    /// caps (per user across instances, in all on this instance).
    pub async fn open(
        self: &Arc<Self>,
        who: Opening,
    ) -> Result<(Registration, mpsc::Receiver<Push>), AppError> {
        let too_many = |message: String| AppError::TooMany {
            code: "too_many_streams".into(),
            message,
            retry_after_secs: RETRY_AFTER_SECS,
        };
        if self.local_count() >= self.limits.total {
            return Err(too_many(
                "This server holds as many live streams as it may.".into(),
            ));
        }
        let now = now_ms();
        // The first connection may arrive before the first heartbeat.
        if !self.registered.load(Ordering::Relaxed) {
            db::live::beat(&self.db, &self.instance_id, now).await?;
            self.registered.store(true, Ordering::Relaxed);
        }
        let id = crate::server::time::new_id();
        db::live::insert(
            &self.db,
            &db::live::NewConnection {
                id: &id,
                instance_id: &self.instance_id,
                user_id: &who.user_id,
                session_id: who.session_id.as_deref(),
                client_ip: who.client_ip.as_deref(),
                user_agent: who.user_agent.as_deref(),
                since: now,
            },
        )
        .await?;
        // Counted after the insert, so that of simultaneous openings (on any
        // instance) none is accepted beyond the cap; a burst may refuse one
        // too many, never accept one.
        let (held, _) = db::live::count(&self.db, Some(&who.user_id), now).await?;
        if held > self.limits.per_user as i64 {
            db::live::delete(&self.db, &id).await?;
            return Err(too_many(format!(
                "At most {} live streams per user: close a tab of the panel.",
                self.limits.per_user
            )));
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        self.registry()
            .by_user
            .entry(who.user_id.clone())
            .or_default()
            .push(Local {
                id: id.clone(),
                session_id: who.session_id,
                token_id: who.token_id,
                admin: who.admin,
                tx,
            });
        Ok((
            Registration {
                live: self.clone(),
                connection_id: id,
                user_id: who.user_id,
            },
            rx,
        ))
    }

    fn forget(&self, user_id: &str, connection_id: &str) {
        let mut registry = self.registry();
        if let Some(list) = registry.by_user.get_mut(user_id) {
            list.retain(|c| c.id != connection_id);
            if list.is_empty() {
                registry.by_user.remove(user_id);
            }
        }
    }

    /// Connections open on this instance.
    pub fn local_count(&self) -> usize {
        self.registry().by_user.values().map(Vec::len).sum()
    }

    /// Pushes an event to every connection of `user_id`, on every instance.
    pub async fn deliver(&self, user_id: &str, event: LiveEvent) {
        self.send(Signal::Deliver {
            user_id: user_id.to_owned(),
            event,
        })
        .await
    }

    /// Pushes an event to every open connection, on every instance.
    pub async fn broadcast(&self, event: LiveEvent) {
        self.send(Signal::Broadcast { event }).await
    }

    /// Ends the connections of revoked sessions, on every instance: each gets
    /// a last `revoked` event, then its stream closes.
    pub async fn close_sessions(&self, session_ids: &[String]) {
        if session_ids.is_empty() {
            return;
        }
        self.send(Signal::CloseSessions {
            session_ids: session_ids.to_vec(),
        })
        .await
    }

    /// Ends the streams opened with revoked personal tokens, on every instance.
    pub async fn close_tokens(&self, token_ids: &[String]) {
        if token_ids.is_empty() {
            return;
        }
        self.send(Signal::CloseTokens {
            token_ids: token_ids.to_vec(),
        })
        .await
    }

    /// Ends every stream of a user, on every instance: with a `revoked`
    /// event when their credentials are void (lock, deactivation, deletion,
    /// password reset), silently when they only lost rights (the client
    /// reconnects and is authorised afresh).
    pub async fn close_user(&self, user_id: &str, revoked: bool) {
        self.send(Signal::CloseUsers {
            user_ids: vec![user_id.to_owned()],
            revoked,
        })
        .await
    }

    async fn send(&self, signal: Signal) {
        self.dispatch(&signal);
        bus::publish(self, signal).await;
    }

    /// Applies a signal to this instance's connections and caches.
    fn dispatch(&self, signal: &Signal) {
        let forget = match signal {
            Signal::CloseSessions { session_ids } => Some(Forget::Sessions(session_ids)),
            Signal::CloseTokens { token_ids } => Some(Forget::Tokens(token_ids)),
            Signal::CloseUsers { user_ids, .. } => Some(Forget::Users(user_ids)),
            Signal::AccessChanged => Some(Forget::Everything),
            Signal::Deliver { .. } | Signal::Broadcast { .. } => None,
        };
        if let Some(forget) = forget {
            for watcher in self
                .watchers
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
            {
                watcher(forget);
            }
        }
        let mut registry = self.registry();
        match signal {
            Signal::Deliver { user_id, event } => {
                if let Some(list) = registry.by_user.get(user_id) {
                    let push = Push::Event(serialize(event));
                    for c in list {
                        let _ = c.tx.try_send(push.clone());
                    }
                }
            }
            Signal::Broadcast { event } => {
                let push = Push::Event(serialize(event));
                for c in registry.by_user.values().flatten() {
                    let _ = c.tx.try_send(push.clone());
                }
            }
            Signal::CloseSessions { session_ids } => close(&mut registry, true, |_, c| {
                c.session_id
                    .as_ref()
                    .is_some_and(|s| session_ids.contains(s))
            }),
            Signal::CloseTokens { token_ids } => close(&mut registry, true, |_, c| {
                c.token_id.as_ref().is_some_and(|t| token_ids.contains(t))
            }),
            Signal::CloseUsers { user_ids, revoked } => {
                close(&mut registry, *revoked, |user, _| {
                    user_ids.iter().any(|u| u == user)
                })
            }
            Signal::AccessChanged => {}
        }
    }

    /// Keeps administrators' "online" figure current: recounted every couple
    /// of seconds while an administrator is connected here, pushed on change.
    async fn refresh_online(self: Arc<Self>) {
        let mut tick = tokio::time::interval(ONLINE_REFRESH);
        let mut last: Option<i64> = None;
        loop {
            tick.tick().await;
            let any_admin = self.registry().by_user.values().flatten().any(|c| c.admin);
            if !any_admin {
                last = None;
                continue;
            }
            let count = match db::live::count(&self.db, None, now_ms()).await {
                Ok((_, users)) => users,
                Err(e) => {
                    tracing::warn!("counting live connections failed: {e}");
                    continue;
                }
            };
            if last == Some(count) {
                continue;
            }
            last = Some(count);
            let push = Push::Event(serialize(&LiveEvent::Online { count }));
            for c in self
                .registry()
                .by_user
                .values()
                .flatten()
                .filter(|c| c.admin)
            {
                let _ = c.tx.try_send(push.clone());
            }
        }
    }

    /// Resolves when the server begins to shut down: open streams end then,
    /// or the graceful shutdown would wait for them forever.
    pub fn shutting_down(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut mine = self.shutdown.subscribe();
        let mut process = process_stop().subscribe();
        async move {
            tokio::select! {
                _ = mine.wait_for(|stopping| *stopping) => {}
                _ = process.wait_for(|stopping| *stopping) => {}
            }
        }
    }

    /// Ends every stream of this instance and removes it from the database.
    pub async fn stop(&self) {
        self.shutdown.send_replace(true);
        if let Err(e) = db::live::deregister(&self.db, &self.instance_id).await {
            tracing::warn!("could not deregister live instance: {e}");
        }
    }
}
