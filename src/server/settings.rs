//! The effective configuration as the settings page and `GET /server/settings`
//! show it: grouped like the configuration file, secrets replaced by
//! [`REDACTED`] here, at the one place values are rendered.

use super::config::{Config, LogFormat};
use crate::model::{RegistrationMode, Setting, Settings, SettingsSection, REDACTED};

/// Builds one section's entries from `(key, env, value)` triples.
struct Section {
    name: &'static str,
    settings: Vec<Setting>,
}

impl Section {
    fn new(name: &'static str) -> Self {
        Self {
            name,
            settings: Vec::new(),
        }
    }

    fn plain(mut self, key: &str, env: Option<&str>, value: Option<String>) -> Self {
        self.settings.push(Setting {
            key: key.into(),
            value,
            secret: false,
            env: env.map(Into::into),
        });
        self
    }

    fn secret(mut self, key: &str, env: Option<&str>, is_set: bool) -> Self {
        self.settings.push(Setting {
            key: key.into(),
            value: is_set.then(|| REDACTED.to_owned()),
            secret: true,
            env: env.map(Into::into),
        });
        self
    }

    fn done(self) -> SettingsSection {
        SettingsSection {
            name: self.name.into(),
            settings: self.settings,
        }
    }
}

fn some(v: impl ToString) -> Option<String> {
    Some(v.to_string())
}

/// A database URL with its passwords replaced: the one in
/// `scheme://user:password@host/db`, and `password=`/`sslpassword=` in the
/// query (libpq's other way of passing it).
pub fn redact_url_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{user}:{REDACTED}@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    let path = match path.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((key, _))
                        if key.eq_ignore_ascii_case("password")
                            || key.eq_ignore_ascii_case("sslpassword") =>
                    {
                        format!("{key}={REDACTED}")
                    }
                    _ => pair.to_owned(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => path.to_owned(),
    };
    format!("{scheme}://{authority}{path}")
}

pub fn effective(config: &Config) -> Settings {
    let c = config;
    let server = Section::new("server")
        .plain("listen", Some("GATEHOUSE_LISTEN"), some(c.listen))
        .plain(
            "public_url",
            Some("GATEHOUSE_PUBLIC_URL"),
            some(&c.public_url),
        )
        .plain(
            "data_dir",
            Some("GATEHOUSE_DATA_DIR"),
            some(c.data_dir.display()),
        )
        .plain(
            "site_root",
            Some("GATEHOUSE_SITE_ROOT"),
            some(c.site_root.as_deref().unwrap_or("(embedded in the binary)")),
        )
        .plain(
            "log_format",
            Some("GATEHOUSE_LOG_FORMAT"),
            some(match c.log_format {
                LogFormat::Text => "text",
                LogFormat::Json => "json",
            }),
        );
    let database = Section::new("database")
        .plain(
            "url",
            Some("DATABASE_URL"),
            some(redact_url_password(&c.database_url)),
        )
        .plain("max_connections", None, some(c.database_max_connections));
    let session = Section::new("session")
        .plain(
            "cookie_secure",
            Some("GATEHOUSE_COOKIE_SECURE"),
            some(c.cookie_secure),
        )
        .plain(
            "same_site",
            None,
            some(if c.same_site_strict { "strict" } else { "lax" }),
        )
        .plain("idle_timeout_minutes", None, some(c.session_idle_minutes))
        .plain(
            "cookie_domain",
            Some("GATEHOUSE_COOKIE_DOMAIN"),
            c.cookie_domain.clone(),
        );
    let auth = Section::new("auth")
        .plain(
            "password_min_length",
            Some("GATEHOUSE_PASSWORD_MIN_LENGTH"),
            some(c.password_min_length),
        )
        .plain(
            "basic_auth",
            Some("GATEHOUSE_BASIC_AUTH"),
            some(c.basic_auth),
        )
        .plain(
            "require_second_factor",
            Some("GATEHOUSE_REQUIRE_SECOND_FACTOR"),
            some(c.require_second_factor.as_str()),
        )
        .plain(
            "step_up_minutes",
            Some("GATEHOUSE_STEP_UP_MINUTES"),
            some(c.step_up_minutes),
        );
    let admin_api = Section::new("admin_api")
        .plain(
            "internal_listen",
            Some("GATEHOUSE_INTERNAL_LISTEN"),
            c.internal_listen.map(|a| a.to_string()),
        )
        .plain(
            "on_main_listener",
            Some("GATEHOUSE_ADMIN_API_ON_MAIN"),
            some(c.admin_api_on_main),
        )
        .plain(
            "trusted_proxies",
            Some("GATEHOUSE_TRUSTED_PROXIES"),
            some(
                c.trusted_proxies
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        )
        .plain(
            "require_tls",
            Some("GATEHOUSE_REQUIRE_TLS"),
            some(c.require_tls),
        )
        .plain(
            "access_token_lifetime_seconds",
            None,
            some(c.access_token_ttl_secs),
        );
    let rate_limit = Section::new("rate_limit")
        .plain("failures_per_ip", None, some(c.rate_limits.per_ip))
        .plain(
            "failures_per_account",
            None,
            some(c.rate_limits.per_account),
        )
        .plain("window_seconds", None, some(c.rate_limits.window.as_secs()));
    let messages = Section::new("messages")
        .plain("direct_prefix", None, some(&c.message_prefixes.direct))
        .plain(
            "multicast_prefix",
            None,
            some(&c.message_prefixes.multicast),
        )
        .plain(
            "broadcast_prefix",
            None,
            some(&c.message_prefixes.broadcast),
        );
    let account = Section::new("account").plain(
        "member_tokens",
        Some("GATEHOUSE_MEMBER_TOKENS"),
        some(c.member_tokens),
    );
    let orgs = Section::new("orgs")
        .plain(
            "default_org",
            Some("GATEHOUSE_DEFAULT_ORG"),
            c.default_org.as_ref().map(|o| o.name.clone()),
        )
        .plain(
            "default_role",
            Some("GATEHOUSE_DEFAULT_ORG_ROLE"),
            c.default_org.as_ref().map(|o| o.role.as_str().to_owned()),
        )
        .plain(
            "members_visible_to",
            Some("GATEHOUSE_ORG_MEMBERS_VISIBLE_TO"),
            some(c.org_members_visible_to.as_str()),
        );
    let registration = Section::new("registration").plain(
        "mode",
        Some("GATEHOUSE_REGISTRATION_MODE"),
        some(match c.registration_mode {
            RegistrationMode::Closed => "closed",
            RegistrationMode::Token => "token",
            RegistrationMode::Open => "open",
        }),
    );
    let metrics = Section::new("metrics").secret(
        "bearer_token",
        Some("GATEHOUSE_METRICS_TOKEN"),
        c.metrics_token.is_some(),
    );
    let jobs = Section::new("jobs")
        .plain("batch_size", None, some(c.jobs.batch_size))
        .plain(
            "batch_pause_ms",
            Some("GATEHOUSE_JOBS_BATCH_PAUSE_MS"),
            some(c.jobs.batch_pause_ms),
        )
        .plain("keep_ended_days", None, some(c.jobs.keep_ended_days))
        .plain(
            "dormant_after_days",
            Some("GATEHOUSE_DORMANT_AFTER_DAYS"),
            c.jobs.dormant_after_days.map(|d| d.to_string()),
        );
    let audit = Section::new("audit").plain(
        "retention_days",
        Some("GATEHOUSE_AUDIT_RETENTION_DAYS"),
        c.jobs.audit_retention_days.map(|d| d.to_string()),
    );
    let provisioning = Section::new("provisioning").plain(
        "file",
        Some("GATEHOUSE_PROVISIONING_FILE"),
        c.provisioning_file
            .as_ref()
            .map(|f| f.display().to_string()),
    );
    let ui = Section::new("ui").plain(
        "default_language",
        Some("GATEHOUSE_DEFAULT_LANGUAGE"),
        some(c.default_language.code()),
    );
    let live = Section::new("live")
        .plain("max_streams_per_user", None, some(c.live.per_user))
        .plain("max_streams", None, some(c.live.total));
    let mail = c.email.as_ref();
    let email = Section::new("email")
        .plain(
            "host",
            Some("GATEHOUSE_EMAIL_HOST"),
            mail.map(|m| m.host.clone()),
        )
        .plain(
            "port",
            Some("GATEHOUSE_EMAIL_PORT"),
            mail.map(|m| m.port.to_string()),
        )
        .plain(
            "security",
            Some("GATEHOUSE_EMAIL_SECURITY"),
            mail.map(|m| m.security.as_str().to_owned()),
        )
        .plain(
            "username",
            Some("GATEHOUSE_EMAIL_USERNAME"),
            mail.and_then(|m| m.username.clone()),
        )
        .secret(
            "password",
            Some("GATEHOUSE_EMAIL_PASSWORD"),
            mail.is_some_and(|m| m.password.is_some()),
        )
        .plain(
            "from",
            Some("GATEHOUSE_EMAIL_FROM"),
            mail.map(|m| m.from.clone()),
        )
        .plain(
            "retry_seconds",
            None,
            mail.map(|m| m.retry_seconds.to_string()),
        )
        .plain(
            "max_attempts",
            None,
            mail.map(|m| m.max_attempts.to_string()),
        );
    Settings {
        sections: vec![
            server.done(),
            database.done(),
            session.done(),
            auth.done(),
            admin_api.done(),
            rate_limit.done(),
            messages.done(),
            account.done(),
            orgs.done(),
            registration.done(),
            metrics.done(),
            jobs.done(),
            audit.done(),
            provisioning.done(),
            live.done(),
            ui.done(),
            email.done(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_passwords_are_redacted() {
        assert_eq!(
            redact_url_password("postgres://gh:hunter2@db.example:5432/gatehouse?sslmode=require"),
            format!("postgres://gh:{REDACTED}@db.example:5432/gatehouse?sslmode=require")
        );
        // An `@` inside the password still leaves nothing of it.
        assert_eq!(
            redact_url_password("postgres://gh:pa@ss@db/x"),
            format!("postgres://gh:{REDACTED}@db/x")
        );
        assert_eq!(
            redact_url_password("sqlite:///var/lib/gatehouse.db"),
            "sqlite:///var/lib/gatehouse.db"
        );
        assert_eq!(
            redact_url_password("postgres://gh@db/x"),
            "postgres://gh@db/x"
        );
        assert_eq!(
            redact_url_password("postgres://db/x?user=gh&password=hunter2&sslmode=require"),
            format!("postgres://db/x?user=gh&password={REDACTED}&sslmode=require")
        );
        assert_eq!(
            redact_url_password("postgres://gh:a@db/x?PASSWORD=b&sslpassword=c"),
            format!("postgres://gh:{REDACTED}@db/x?PASSWORD={REDACTED}&sslpassword={REDACTED}")
        );
    }

    #[test]
    fn secrets_never_appear_in_the_settings() {
        let mut config = Config::load(None).expect("defaults load");
        config.database_url = "postgres://gh:Zebra-Secret-1@db/x".into();
        config.metrics_token = Some(super::super::config::Secret::new("Zebra-Secret-2".into()));
        let mut errors = Vec::new();
        let section: crate::server::email::config::EmailSection = toml::from_str(
            "host = \"smtp.example.org\"\nfrom = \"gh@example.org\"\nusername = \"gh\"\npassword = \"Zebra-Secret-3\"",
        )
        .unwrap();
        config.email = section.resolve(&mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let text = serde_json::to_string(&effective(&config)).unwrap();
        assert!(!text.contains("Zebra-Secret"), "{text}");
        assert!(text.contains(REDACTED));
        assert!(!format!("{config:?}").contains("Zebra-Secret-2"));
    }
}
