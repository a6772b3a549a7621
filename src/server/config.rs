//! Configuration: an optional TOML file, then environment overrides, validated
//! once at start. Every key is documented in the README.

use std::{net::SocketAddr, path::PathBuf};

use ipnet::IpNet;
use serde::Deserialize;

use super::auth::{limiter::Limits, network, password::HashLimits};
use crate::i18n::Language;
use crate::model::OrgRole;
use crate::model::RegistrationMode;

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub public_url: String,
    pub data_dir: PathBuf,
    /// A compiled panel (wasm, js, css) on disk to serve instead of the one
    /// embedded in the binary (development); `None`: the embedded one.
    pub site_root: Option<String>,
    pub database_url: String,
    pub database_max_connections: u32,
    pub cookie_secure: bool,
    pub same_site_strict: bool,
    pub session_idle_minutes: i64,
    /// The session cookie's Domain (`session.cookie_domain`): set, the
    /// cookie reaches every host below it, so one sign-in serves the
    /// forward-auth hosts too. None: this host only.
    pub cookie_domain: Option<String>,
    pub password_min_length: usize,
    pub basic_auth: bool,
    /// `auth.require_second_factor`: who must have a second factor.
    pub require_second_factor: SecondFactorPolicy,
    /// `auth.step_up_minutes`: how long a password or factor proven at
    /// sign-in (or again at `/confirm`) lets a session make dangerous
    /// changes without asking again; 0 asks every time.
    pub step_up_minutes: i64,
    /// A second listener that serves only the admin API (MAS's "internal").
    pub internal_listen: Option<SocketAddr>,
    /// Whether the main listener serves the admin API too.
    pub admin_api_on_main: bool,
    /// Peers whose `X-Forwarded-For` / `-Proto` headers are believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Refuse admin requests that did not arrive over TLS.
    pub require_tls: bool,
    pub access_token_ttl_secs: i64,
    pub rate_limits: Limits,
    /// Members (non-administrators) may manage their own personal tokens.
    pub member_tokens: bool,
    pub message_prefixes: MessagePrefixes,
    /// The organisation every new account joins (Grafana's
    /// `auto_assign_org`), created at start when missing; `None`: none.
    pub default_org: Option<DefaultOrg>,
    /// The least organisation role that sees the organisation's member
    /// list (`[orgs] members_visible_to`); its admins always do.
    pub org_members_visible_to: OrgRole,
    /// Who may create an account at `/register` (`[registration] mode`).
    pub registration_mode: RegistrationMode,
    /// `[server] log_format`: plain text lines or one JSON object per line.
    pub log_format: LogFormat,
    /// `[metrics] bearer_token`: when set, `/metrics` wants it as a bearer token.
    pub metrics_token: Option<Secret>,
    /// `[provisioning] file`: the declarative file applied at start and by
    /// `POST /server/provisioning/reload`; `None`: provisioning is off.
    pub provisioning_file: Option<PathBuf>,
    /// `[jobs]` and `[audit] retention_days`: what the background jobs do.
    pub jobs: JobsConfig,
    /// `[live]`: how many live streams may be open.
    pub live: LiveLimits,
    /// `auth.hash_workers`, `auth.hash_wait_ms`: the password-hashing pool.
    pub hashing: HashLimits,
    /// `[ui] default_language`: the panel's language for a reader who chose
    /// none and whose browser asks for none we have.
    pub default_language: Language,
    /// `[email]`: the SMTP server; `None`: no mail is sent and the mail
    /// features are hidden.
    pub email: Option<crate::server::email::config::EmailConfig>,
}

/// Who must sign in with a second factor (`auth.require_second_factor`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecondFactorPolicy {
    #[default]
    Off,
    Admins,
    Everyone,
}

impl SecondFactorPolicy {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "off" => Some(Self::Off),
            "admins" => Some(Self::Admins),
            "everyone" => Some(Self::Everyone),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Admins => "admins",
            Self::Everyone => "everyone",
        }
    }

    /// Whether an account with these rights must have a second factor.
    pub fn applies_to(self, admin: bool) -> bool {
        match self {
            Self::Off => false,
            Self::Admins => admin,
            Self::Everyone => true,
        }
    }
}

/// Caps on live streams: each holds a connection and a queue, so a client
/// opening many must not exhaust the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiveLimits {
    /// Per user, across every instance (`max_streams_per_user`).
    pub per_user: usize,
    /// On one instance (`max_streams`).
    pub total: usize,
}

impl Default for LiveLimits {
    fn default() -> Self {
        Self {
            per_user: 10,
            total: 10_000,
        }
    }
}

/// The background jobs' settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobsConfig {
    /// Rows a job handles per batch; pausing takes effect between batches.
    pub batch_size: u32,
    /// Rest between batches, so a long job leaves the database to others.
    pub batch_pause_ms: u64,
    /// Ended sessions and tokens are kept this long for the record, then purged.
    pub keep_ended_days: u32,
    /// Accounts not seen for this many days are deactivated; `None`: never.
    pub dormant_after_days: Option<u32>,
    /// Audit records older than this are deleted; `None`: kept forever.
    pub audit_retention_days: Option<u32>,
}

impl Default for JobsConfig {
    fn default() -> Self {
        Self {
            batch_size: 500,
            batch_pause_ms: 50,
            keep_ended_days: 30,
            dormant_after_days: None,
            audit_retention_days: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// A configured secret: its `Debug` never shows the value, so printing a
/// `Config` cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Self(value)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::model::REDACTED)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultOrg {
    pub name: String,
    pub role: OrgRole,
}

/// Text put in front of admin messages (Prosody's `admin_rest_*_prefix`),
/// e.g. "[Server] ".
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessagePrefixes {
    #[serde(default, rename = "direct_prefix")]
    pub direct: String,
    #[serde(default, rename = "multicast_prefix")]
    pub multicast: String,
    #[serde(default, rename = "broadcast_prefix")]
    pub broadcast: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    #[serde(default)]
    server: ServerSection,
    #[serde(default)]
    database: DatabaseSection,
    #[serde(default)]
    session: SessionSection,
    #[serde(default)]
    auth: AuthSection,
    #[serde(default)]
    admin_api: AdminApiSection,
    #[serde(default)]
    rate_limit: RateLimitSection,
    #[serde(default)]
    messages: MessagePrefixes,
    #[serde(default)]
    account: AccountSection,
    #[serde(default)]
    orgs: OrgsSection,
    #[serde(default)]
    registration: RegistrationSection,
    #[serde(default)]
    metrics: MetricsSection,
    #[serde(default)]
    jobs: JobsSection,
    #[serde(default)]
    audit: AuditSection,
    #[serde(default)]
    provisioning: ProvisioningSection,
    #[serde(default)]
    live: LiveSection,
    #[serde(default)]
    ui: UiSection,
    #[serde(default)]
    email: crate::server::email::config::EmailSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UiSection {
    default_language: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LiveSection {
    max_streams_per_user: Option<usize>,
    max_streams: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobsSection {
    batch_size: Option<u32>,
    batch_pause_ms: Option<u64>,
    keep_ended_days: Option<u32>,
    dormant_after_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditSection {
    retention_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvisioningSection {
    file: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricsSection {
    bearer_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistrationSection {
    mode: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgsSection {
    default_org: Option<String>,
    default_role: Option<String>,
    members_visible_to: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountSection {
    member_tokens: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AdminApiSection {
    internal_listen: Option<String>,
    on_main_listener: Option<bool>,
    trusted_proxies: Option<Vec<String>>,
    require_tls: Option<bool>,
    access_token_lifetime_seconds: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RateLimitSection {
    failures_per_ip: Option<u32>,
    failures_per_account: Option<u32>,
    window_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerSection {
    listen: Option<String>,
    public_url: Option<String>,
    data_dir: Option<String>,
    site_root: Option<String>,
    log_format: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatabaseSection {
    url: Option<String>,
    max_connections: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionSection {
    cookie_secure: Option<bool>,
    same_site: Option<String>,
    idle_timeout_minutes: Option<i64>,
    cookie_domain: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthSection {
    password_min_length: Option<usize>,
    basic_auth: Option<bool>,
    require_second_factor: Option<String>,
    step_up_minutes: Option<i64>,
    hash_workers: Option<usize>,
    hash_wait_ms: Option<u64>,
}

/// A cookie Domain: a host name (no port, no leading dot) that the public
/// URL's host is, or is below; browsers drop the cookie otherwise.
fn checked_cookie_domain(raw: &str, public_url: &str) -> Result<String, String> {
    let raw = raw.trim().trim_start_matches('.');
    let domain = url::Url::parse(&format!("http://{raw}/"))
        .ok()
        .filter(|u| u.path() == "/" && u.port().is_none() && u.username().is_empty())
        .and_then(|u| u.host_str().map(|h| h.trim_end_matches('.').to_owned()))
        .filter(|h| h.contains('.'))
        .ok_or_else(|| format!("'{raw}' is not a domain name such as example.org"))?;
    let public_host = url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    if public_host == domain || public_host.ends_with(&format!(".{domain}")) {
        Ok(domain)
    } else {
        Err(format!(
            "the public URL's host {public_host} is not within {domain}, so browsers would refuse the cookie"
        ))
    }
}

/// Reads an environment variable, treating empty as unset.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn parse_bool(key: &str, raw: &str, errors: &mut Vec<String>) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => {
            errors.push(format!("{key}: '{raw}' is not a boolean (true/false)"));
            None
        }
    }
}

impl Config {
    /// Loads `path` (if any) and the environment. Errors list every bad value.
    pub fn load(path: Option<&std::path::Path>) -> Result<Self, Vec<String>> {
        let mut errors = Vec::new();
        let file: FileConfig = match path {
            None => FileConfig::default(),
            Some(path) => match std::fs::read_to_string(path) {
                Err(e) => return Err(vec![format!("cannot read {}: {e}", path.display())]),
                Ok(text) => toml::from_str(&text)
                    .map_err(|e| vec![format!("{}: {}", path.display(), e.message())])?,
            },
        };

        let listen_raw = env("GATEHOUSE_LISTEN")
            .or(file.server.listen)
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let listen = listen_raw.parse::<SocketAddr>().unwrap_or_else(|_| {
            errors.push(format!(
                "server.listen / GATEHOUSE_LISTEN: '{listen_raw}' is not host:port (e.g. 127.0.0.1:3000)"
            ));
            SocketAddr::from(([127, 0, 0, 1], 3000))
        });

        let public_url = env("GATEHOUSE_PUBLIC_URL")
            .or(file.server.public_url)
            .unwrap_or_else(|| format!("http://{listen}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            errors.push(format!(
                "server.public_url / GATEHOUSE_PUBLIC_URL: '{public_url}' must start with http:// or https://"
            ));
        }

        let data_dir = PathBuf::from(
            env("GATEHOUSE_DATA_DIR")
                .or(file.server.data_dir)
                .unwrap_or_else(|| "./data".into()),
        );
        let site_root = env("GATEHOUSE_SITE_ROOT")
            .or_else(|| env("LEPTOS_SITE_ROOT"))
            .or(file.server.site_root);

        let database_url = env("DATABASE_URL")
            .or(file.database.url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("gatehouse.db").display()));
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            errors
                .push("database.url / DATABASE_URL: must start with sqlite: or postgres://".into());
        }
        let database_max_connections = file.database.max_connections.unwrap_or(8);
        if database_max_connections == 0 {
            errors.push("database.max_connections: must be at least 1".into());
        }

        let cookie_secure = match env("GATEHOUSE_COOKIE_SECURE") {
            Some(raw) => parse_bool("GATEHOUSE_COOKIE_SECURE", &raw, &mut errors),
            None => file.session.cookie_secure,
        }
        .unwrap_or_else(|| public_url.starts_with("https://"));
        let same_site_strict = match file.session.same_site.as_deref().unwrap_or("lax") {
            "lax" => false,
            "strict" => true,
            other => {
                errors.push(format!(
                    "session.same_site: '{other}' must be \"lax\" or \"strict\""
                ));
                false
            }
        };
        let session_idle_minutes = file.session.idle_timeout_minutes.unwrap_or(12 * 60);
        if session_idle_minutes < 1 {
            errors.push("session.idle_timeout_minutes: must be at least 1".into());
        }
        let cookie_domain = env("GATEHOUSE_COOKIE_DOMAIN")
            .or(file.session.cookie_domain.clone())
            .and_then(|raw| match checked_cookie_domain(&raw, &public_url) {
                Ok(domain) => Some(domain),
                Err(why) => {
                    errors.push(format!(
                        "session.cookie_domain / GATEHOUSE_COOKIE_DOMAIN: {why}"
                    ));
                    None
                }
            });

        let password_min_length = match env("GATEHOUSE_PASSWORD_MIN_LENGTH") {
            Some(raw) => raw.parse().unwrap_or_else(|_| {
                errors.push(format!(
                    "GATEHOUSE_PASSWORD_MIN_LENGTH: '{raw}' is not a number"
                ));
                8
            }),
            None => file.auth.password_min_length.unwrap_or(8),
        };
        if !(1..=128).contains(&password_min_length) {
            errors.push("auth.password_min_length: must be between 1 and 128".into());
        }
        let basic_auth = match env("GATEHOUSE_BASIC_AUTH") {
            Some(raw) => parse_bool("GATEHOUSE_BASIC_AUTH", &raw, &mut errors),
            None => file.auth.basic_auth,
        }
        .unwrap_or(true);
        let require_second_factor = choice(
            (
                "auth.require_second_factor",
                "GATEHOUSE_REQUIRE_SECOND_FACTOR",
            ),
            file.auth.require_second_factor.clone(),
            SecondFactorPolicy::parse,
            "one of off, admins, everyone",
            &mut errors,
        )
        .unwrap_or(SecondFactorPolicy::Off);
        let step_up_minutes = match env("GATEHOUSE_STEP_UP_MINUTES") {
            Some(raw) => raw.parse::<i64>().map(Some).unwrap_or_else(|_| {
                errors.push(format!(
                    "GATEHOUSE_STEP_UP_MINUTES: '{raw}' is not a whole number"
                ));
                None
            }),
            None => file.auth.step_up_minutes,
        }
        .unwrap_or(10);
        if !(0..=1440).contains(&step_up_minutes) {
            errors.push("auth.step_up_minutes: must be between 0 and 1440".into());
        }

        let api = file.admin_api;
        let internal_listen = env("GATEHOUSE_INTERNAL_LISTEN")
            .or(api.internal_listen)
            .and_then(|raw| match raw.parse::<SocketAddr>() {
                Ok(addr) => Some(addr),
                Err(_) => {
                    errors.push(format!(
                        "admin_api.internal_listen / GATEHOUSE_INTERNAL_LISTEN: '{raw}' is not host:port (e.g. 127.0.0.1:8081)"
                    ));
                    None
                }
            });
        let admin_api_on_main = match env("GATEHOUSE_ADMIN_API_ON_MAIN") {
            Some(raw) => parse_bool("GATEHOUSE_ADMIN_API_ON_MAIN", &raw, &mut errors),
            None => api.on_main_listener,
        }
        .unwrap_or(true);
        if !admin_api_on_main && internal_listen.is_none() {
            errors.push(
                "admin_api.on_main_listener = false needs admin_api.internal_listen, or the API is served nowhere".into(),
            );
        }
        let proxies_raw: Vec<String> = match env("GATEHOUSE_TRUSTED_PROXIES") {
            Some(raw) => raw
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            None => api.trusted_proxies.unwrap_or_default(),
        };
        let trusted_proxies = proxies_raw
            .iter()
            .filter_map(|raw| {
                network::parse_entry(raw)
                    .map_err(|e| errors.push(format!("admin_api.trusted_proxies: {e}")))
                    .ok()
            })
            .collect();
        let require_tls = match env("GATEHOUSE_REQUIRE_TLS") {
            Some(raw) => parse_bool("GATEHOUSE_REQUIRE_TLS", &raw, &mut errors),
            None => api.require_tls,
        }
        .unwrap_or(false);
        let access_token_ttl_secs = api.access_token_lifetime_seconds.unwrap_or(3600);
        if !(60..=86_400).contains(&access_token_ttl_secs) {
            errors.push(
                "admin_api.access_token_lifetime_seconds: must be between 60 and 86400".into(),
            );
        }

        let defaults = Limits::default();
        let rate_limits = Limits {
            per_ip: file.rate_limit.failures_per_ip.unwrap_or(defaults.per_ip),
            per_account: file
                .rate_limit
                .failures_per_account
                .unwrap_or(defaults.per_account),
            window: file
                .rate_limit
                .window_seconds
                .map(std::time::Duration::from_secs)
                .unwrap_or(defaults.window),
        };
        if rate_limits.per_ip == 0 || rate_limits.per_account == 0 || rate_limits.window.is_zero() {
            errors.push("rate_limit: limits and window_seconds must be at least 1".into());
        }

        let hash_defaults = HashLimits::default();
        let hashing = HashLimits {
            workers: file.auth.hash_workers.unwrap_or(hash_defaults.workers),
            wait: file
                .auth
                .hash_wait_ms
                .map(std::time::Duration::from_millis)
                .unwrap_or(hash_defaults.wait),
        };
        if !(1..=256).contains(&hashing.workers) {
            errors.push("auth.hash_workers: must be between 1 and 256".into());
        }
        if hashing.wait > std::time::Duration::from_secs(60) {
            errors.push("auth.hash_wait_ms: at most 60000".into());
        }

        let live_defaults = LiveLimits::default();
        let live = LiveLimits {
            per_user: file
                .live
                .max_streams_per_user
                .unwrap_or(live_defaults.per_user),
            total: file.live.max_streams.unwrap_or(live_defaults.total),
        };
        if live.per_user == 0 || live.total == 0 {
            errors.push("live: max_streams_per_user and max_streams must be at least 1".into());
        }

        let message_prefixes = file.messages;
        let longest = [
            &message_prefixes.direct,
            &message_prefixes.multicast,
            &message_prefixes.broadcast,
        ]
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0);
        if longest > 100 {
            errors.push("messages.*_prefix: at most 100 characters".into());
        }
        let member_tokens = match env("GATEHOUSE_MEMBER_TOKENS") {
            Some(raw) => parse_bool("GATEHOUSE_MEMBER_TOKENS", &raw, &mut errors),
            None => file.account.member_tokens,
        }
        .unwrap_or(false);
        let org_members_visible_to = choice(
            (
                "orgs.members_visible_to",
                "GATEHOUSE_ORG_MEMBERS_VISIBLE_TO",
            ),
            file.orgs.members_visible_to.clone(),
            OrgRole::parse,
            "viewer, editor or admin",
            &mut errors,
        )
        .unwrap_or(OrgRole::Viewer);
        let default_org = Self::default_org(file.orgs, &mut errors);
        let registration_mode = choice(
            ("registration.mode", "GATEHOUSE_REGISTRATION_MODE"),
            file.registration.mode,
            RegistrationMode::parse,
            "closed, token or open",
            &mut errors,
        )
        .unwrap_or_default();

        let log_format = match env("GATEHOUSE_LOG_FORMAT").or(file.server.log_format) {
            None => LogFormat::Text,
            Some(raw) => match raw.as_str() {
                "text" => LogFormat::Text,
                "json" => LogFormat::Json,
                _ => {
                    errors.push(format!(
                        "server.log_format / GATEHOUSE_LOG_FORMAT: '{raw}' is not text or json"
                    ));
                    LogFormat::Text
                }
            },
        };
        let default_language = match env("GATEHOUSE_DEFAULT_LANGUAGE").or(file.ui.default_language)
        {
            None => Language::default(),
            Some(raw) => Language::parse(&raw).unwrap_or_else(|| {
                let known: Vec<_> = Language::ALL.iter().map(|l| l.code()).collect();
                errors.push(format!(
                    "ui.default_language / GATEHOUSE_DEFAULT_LANGUAGE: '{raw}' is not one of {}",
                    known.join(", ")
                ));
                Language::default()
            }),
        };
        let metrics_token = env("GATEHOUSE_METRICS_TOKEN")
            .or(file.metrics.bearer_token)
            .filter(|t| !t.is_empty())
            .map(Secret::new);

        let jobs = Self::jobs(file.jobs, file.audit, &mut errors);
        let email = file.email.resolve(&mut errors);
        let provisioning_file = env("GATEHOUSE_PROVISIONING_FILE")
            .or(file.provisioning.file)
            .filter(|f| !f.trim().is_empty())
            .map(PathBuf::from);

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            jobs,
            provisioning_file,
            log_format,
            metrics_token,
            message_prefixes,
            listen,
            public_url,
            data_dir,
            site_root,
            database_url,
            database_max_connections,
            cookie_secure,
            same_site_strict,
            session_idle_minutes,
            cookie_domain,
            password_min_length,
            basic_auth,
            require_second_factor,
            step_up_minutes,
            internal_listen,
            admin_api_on_main,
            trusted_proxies,
            require_tls,
            access_token_ttl_secs,
            rate_limits,
            live,
            hashing,
            member_tokens,
            default_org,
            org_members_visible_to,
            registration_mode,
            default_language,
            email,
        })
    }

    fn jobs(section: JobsSection, audit: AuditSection, errors: &mut Vec<String>) -> JobsConfig {
        let defaults = JobsConfig::default();
        let days = |key: &str, var: &str, from_file: Option<u32>, errors: &mut Vec<String>| {
            let raw = match env(var) {
                Some(raw) => match raw.parse::<u32>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        errors.push(format!("{key} / {var}: '{raw}' is not a number of days"));
                        None
                    }
                },
                None => from_file,
            };
            match raw {
                Some(0) => {
                    errors.push(format!(
                        "{key}: must be at least 1 (leave it unset for never)"
                    ));
                    None
                }
                other => other,
            }
        };
        let jobs = JobsConfig {
            batch_size: section.batch_size.unwrap_or(defaults.batch_size),
            batch_pause_ms: match env("GATEHOUSE_JOBS_BATCH_PAUSE_MS") {
                Some(raw) => raw.parse().unwrap_or_else(|_| {
                    errors.push(format!(
                        "GATEHOUSE_JOBS_BATCH_PAUSE_MS: '{raw}' is not a number"
                    ));
                    defaults.batch_pause_ms
                }),
                None => section.batch_pause_ms.unwrap_or(defaults.batch_pause_ms),
            },
            keep_ended_days: section.keep_ended_days.unwrap_or(defaults.keep_ended_days),
            dormant_after_days: days(
                "jobs.dormant_after_days",
                "GATEHOUSE_DORMANT_AFTER_DAYS",
                section.dormant_after_days,
                errors,
            ),
            audit_retention_days: days(
                "audit.retention_days",
                "GATEHOUSE_AUDIT_RETENTION_DAYS",
                audit.retention_days,
                errors,
            ),
        };
        if !(1..=10_000).contains(&jobs.batch_size) {
            errors.push("jobs.batch_size: must be between 1 and 10000".into());
        }
        if jobs.batch_pause_ms > 10_000 {
            errors.push("jobs.batch_pause_ms: at most 10000".into());
        }
        jobs
    }

    fn default_org(section: OrgsSection, errors: &mut Vec<String>) -> Option<DefaultOrg> {
        let role = match env("GATEHOUSE_DEFAULT_ORG_ROLE").or(section.default_role) {
            None => OrgRole::Viewer,
            Some(raw) => OrgRole::parse(&raw).unwrap_or_else(|| {
                errors.push(format!(
                    "orgs.default_role: '{raw}' is not viewer, editor or admin"
                ));
                OrgRole::Viewer
            }),
        };
        let raw = env("GATEHOUSE_DEFAULT_ORG").or(section.default_org)?;
        match crate::model::org::name(&raw) {
            Ok(name) => Some(DefaultOrg { name, role }),
            Err(e) => {
                errors.push(format!("orgs.default_org: {}", e.message));
                None
            }
        }
    }

    /// Host and port of the public URL, as browsers send it in `Origin`.
    pub fn public_origin(&self) -> &str {
        &self.public_url
    }
}

/// One of a setting's named values, from the environment variable or else
/// the file: `None` when neither gives it, or when the value is unknown
/// (then reported as `key / VARIABLE: 'value' is not <expected>`).
fn choice<T>(
    (key, variable): (&str, &str),
    from_file: Option<String>,
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
    errors: &mut Vec<String>,
) -> Option<T> {
    let raw = env(variable).or(from_file)?;
    let parsed = parse(&raw);
    if parsed.is_none() {
        errors.push(format!("{key} / {variable}: '{raw}' is not {expected}"));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_file(text: &str) -> Result<Config, Vec<String>> {
        let dir = std::env::temp_dir().join(format!("gh-config-{}", crate::server::time::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gatehouse.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(Some(&path))
    }

    #[test]
    fn file_values_and_defaults() {
        let config = load_file(
            "[server]\nlisten = \"0.0.0.0:8080\"\npublic_url = \"https://gh.example.org/\"\n\
             [auth]\npassword_min_length = 12\n",
        )
        .unwrap();
        assert_eq!(config.listen.port(), 8080);
        assert_eq!(config.public_url, "https://gh.example.org");
        assert!(
            config.cookie_secure,
            "https public URL turns Secure cookies on"
        );
        assert_eq!(config.password_min_length, 12);
        assert!(config.basic_auth);
        assert!(!config.member_tokens, "members get no tokens by default");
        let config = load_file("[account]\nmember_tokens = true\n").unwrap();
        assert!(config.member_tokens);
        assert_eq!(
            load_file("").unwrap().registration_mode,
            RegistrationMode::Token
        );
        let config = load_file("[registration]\nmode = \"open\"\n").unwrap();
        assert_eq!(config.registration_mode, RegistrationMode::Open);
        assert_eq!(
            load_file("[registration]\nmode = \"x\"\n")
                .unwrap_err()
                .len(),
            1
        );
    }

    #[test]
    fn default_org_is_off_unless_named() {
        assert_eq!(load_file("").unwrap().default_org, None);
        let config =
            load_file("[orgs]\ndefault_org = \" Main Org. \"\ndefault_role = \"editor\"\n")
                .unwrap();
        assert_eq!(
            config.default_org,
            Some(DefaultOrg {
                name: "Main Org.".into(),
                role: OrgRole::Editor
            })
        );
        let errors =
            load_file("[orgs]\ndefault_org = \"\"\ndefault_role = \"owner\"\n").unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn every_bad_value_is_reported() {
        let errors = load_file(
            "[server]\nlisten = \"nope\"\npublic_url = \"ftp://x\"\n[session]\nsame_site = \"none\"\n",
        )
        .unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("server.listen"));
    }

    #[test]
    fn admin_api_section() {
        let config = load_file(
            "[admin_api]\ninternal_listen = \"127.0.0.1:8081\"\non_main_listener = false\n\
             trusted_proxies = [\"10.0.0.0/8\", \"::1\"]\nrequire_tls = true\n\
             [rate_limit]\nfailures_per_account = 3\n",
        )
        .unwrap();
        assert_eq!(config.internal_listen.unwrap().port(), 8081);
        assert!(!config.admin_api_on_main && config.require_tls);
        assert_eq!(config.trusted_proxies.len(), 2);
        assert_eq!(config.rate_limits.per_account, 3);
        assert_eq!(config.rate_limits.per_ip, 30);

        let errors =
            load_file("[admin_api]\non_main_listener = false\ntrusted_proxies = [\"x\"]\n")
                .unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn jobs_section_defaults_and_limits() {
        let config = load_file("").unwrap();
        assert_eq!(config.jobs, JobsConfig::default());
        assert_eq!(config.jobs.dormant_after_days, None);
        let config = load_file(
            "[jobs]\nbatch_size = 10\ndormant_after_days = 365\n[audit]\nretention_days = 90\n",
        )
        .unwrap();
        assert_eq!(config.jobs.batch_size, 10);
        assert_eq!(config.jobs.dormant_after_days, Some(365));
        assert_eq!(config.jobs.audit_retention_days, Some(90));
        let errors = load_file("[jobs]\nbatch_size = 0\ndormant_after_days = 0\n").unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn unknown_keys_are_refused() {
        let errors = load_file("[server]\nlistn = \"x\"\n").unwrap_err();
        assert!(errors[0].contains("unknown field"), "{errors:?}");
    }

    #[test]
    fn provisioning_is_off_unless_a_file_is_named() {
        assert_eq!(load_file("").unwrap().provisioning_file, None);
        let config =
            load_file("[provisioning]\nfile = \"/etc/gatehouse/provision.toml\"\n").unwrap();
        assert_eq!(
            config.provisioning_file,
            Some(PathBuf::from("/etc/gatehouse/provision.toml"))
        );
    }
}
