//! What the gate keeps in memory so that a request with a known credential
//! costs no query: the protected applications, and who each credential
//! (session cookie, personal token) belongs to with their organisations.
//! Entries live a minute at most and are forgotten at once when the
//! database says so on any instance (through the live bus): a session
//! revoked, a user locked or logged out everywhere, a token revoked, a
//! membership or an application changed.

use std::{
    collections::{BTreeMap, HashMap},
    sync::{Arc, Mutex, RwLock},
    time::{Duration, Instant},
};

use super::hosts::{HostPattern, RequestHost};
use crate::{model::AppAccess, server::live::Forget};

/// How long a decision may be reused without a fresh look at the database
/// (the bound for a change that no notification announced).
pub const CACHE_TTL: Duration = Duration::from_secs(60);
/// Credentials remembered at most; beyond, the oldest half is dropped.
const CACHE_MAX: usize = 20_000;

/// An application of kind `forward_auth`, parsed once.
#[derive(Clone, Debug)]
pub struct ProtectedApp {
    pub id: String,
    pub name: String,
    pub hosts: Vec<HostPattern>,
    /// Normalised; empty means the whole host.
    pub path_prefixes: Vec<String>,
    pub access: AppAccess,
    pub allow_bearer_tokens: bool,
}

impl ProtectedApp {
    /// How specifically the app claims `host` and `path` (None: not at all).
    pub fn claim(&self, host: &RequestHost, path: &str) -> Option<(usize, usize)> {
        let host_score = self
            .hosts
            .iter()
            .filter(|p| p.matches(host))
            .map(HostPattern::specificity)
            .max()?;
        let path_score = if self.path_prefixes.is_empty() {
            0
        } else {
            self.path_prefixes
                .iter()
                .filter(|prefix| super::hosts::path_matches(prefix, path))
                .map(String::len)
                .max()?
        };
        Some((host_score, path_score))
    }
}

/// Whom a credential belongs to, as the gate tells the upstream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub user_id: String,
    pub username: String,
    pub name: String,
    pub email: Option<String>,
    /// (org id, org name, role).
    pub memberships: Vec<(String, String, crate::model::OrgRole)>,
    /// The `user_sessions` row of a cookie; the token id of a bearer token.
    pub session_id: Option<String>,
    pub token_id: Option<String>,
}

struct Cached {
    /// None: the credential is not valid (also remembered, briefly).
    identity: Option<Arc<Identity>>,
    until: Instant,
}

#[derive(Default)]
pub struct Gate {
    apps: RwLock<Option<(Arc<Vec<ProtectedApp>>, Instant)>>,
    credentials: Mutex<HashMap<String, Cached>>,
    /// (application name or "-", outcome) → requests.
    counts: Mutex<BTreeMap<(String, &'static str), u64>>,
    /// Lookups answered from memory, and those that went to the database.
    pub hits: std::sync::atomic::AtomicU64,
    pub misses: std::sync::atomic::AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Gate {
    /// The protected applications, if loaded within the last minute.
    pub fn apps(&self) -> Option<Arc<Vec<ProtectedApp>>> {
        let apps = self.apps.read().unwrap_or_else(|e| e.into_inner());
        apps.as_ref()
            .filter(|(_, at)| at.elapsed() < CACHE_TTL)
            .map(|(apps, _)| apps.clone())
    }

    pub fn set_apps(&self, apps: Vec<ProtectedApp>) -> Arc<Vec<ProtectedApp>> {
        let apps = Arc::new(apps);
        *self.apps.write().unwrap_or_else(|e| e.into_inner()) =
            Some((apps.clone(), Instant::now()));
        apps
    }

    /// Some(identity or None) when the credential was looked up lately.
    pub fn remembered(&self, key: &str) -> Option<Option<Arc<Identity>>> {
        use std::sync::atomic::Ordering::Relaxed;
        let found = lock(&self.credentials)
            .get(key)
            .filter(|c| c.until > Instant::now())
            .map(|c| c.identity.clone());
        match found {
            Some(_) => self.hits.fetch_add(1, Relaxed),
            None => self.misses.fetch_add(1, Relaxed),
        };
        found
    }

    pub fn remember(&self, key: String, identity: Option<Arc<Identity>>) {
        // A refused credential is looked at again sooner: it may be a login
        // that is just completing elsewhere.
        let ttl = if identity.is_some() {
            CACHE_TTL
        } else {
            Duration::from_secs(2)
        };
        let mut credentials = lock(&self.credentials);
        if credentials.len() >= CACHE_MAX {
            let now = Instant::now();
            credentials.retain(|_, c| c.until > now + CACHE_TTL / 2);
        }
        credentials.insert(
            key,
            Cached {
                identity,
                until: Instant::now() + ttl,
            },
        );
    }

    /// Applies a revocation heard on the live bus (from any instance).
    pub fn forget(&self, what: Forget<'_>) {
        match what {
            Forget::Everything => {
                *self.apps.write().unwrap_or_else(|e| e.into_inner()) = None;
                lock(&self.credentials).clear();
            }
            Forget::Sessions(ids) => {
                self.forget_where(|i| i.session_id.as_ref().is_some_and(|s| ids.contains(s)))
            }
            Forget::Tokens(ids) => {
                self.forget_where(|i| i.token_id.as_ref().is_some_and(|t| ids.contains(t)))
            }
            Forget::Users(ids) => self.forget_where(|i| ids.contains(&i.user_id)),
        }
    }

    fn forget_where(&self, doomed: impl Fn(&Identity) -> bool) {
        lock(&self.credentials).retain(|_, c| !c.identity.as_deref().is_some_and(&doomed));
    }

    pub fn count(&self, app: Option<&str>, outcome: &'static str) {
        *lock(&self.counts)
            .entry((app.unwrap_or("-").to_owned(), outcome))
            .or_default() += 1;
    }

    /// `/metrics` lines: decisions by application and outcome, and how
    /// many credential lookups needed the database.
    pub fn render_metrics(&self, out: &mut String) {
        use std::{fmt::Write, sync::atomic::Ordering::Relaxed};
        out.push_str(
            "# HELP gatehouse_forward_auth_requests_total Forward-auth decisions, by application and outcome.\n",
        );
        out.push_str("# TYPE gatehouse_forward_auth_requests_total counter\n");
        for ((app, outcome), n) in lock(&self.counts).iter() {
            let app = crate::server::metrics::escape(app);
            let _ = writeln!(
                out,
                "gatehouse_forward_auth_requests_total{{application=\"{app}\",outcome=\"{outcome}\"}} {n}"
            );
        }
        out.push_str(
            "# HELP gatehouse_forward_auth_lookups_total Credential lookups at the gate: from memory (hit) or from the database (miss).\n",
        );
        out.push_str("# TYPE gatehouse_forward_auth_lookups_total counter\n");
        let _ = writeln!(
            out,
            "gatehouse_forward_auth_lookups_total{{result=\"hit\"}} {}",
            self.hits.load(Relaxed)
        );
        let _ = writeln!(
            out,
            "gatehouse_forward_auth_lookups_total{{result=\"miss\"}} {}",
            self.misses.load(Relaxed)
        );
    }
}
