//! `[email]`: the SMTP server mail goes out through. Absent (no `host`), the
//! mail features are hidden and their endpoints answer 409
//! `email_not_configured`.

use serde::Deserialize;

use crate::server::config::Secret;

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Plain SMTP (a relay on the same machine or network).
    None,
    /// Plain connection upgraded with STARTTLS (required, never skipped).
    StartTls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
}

impl SmtpSecurity {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "none" => Some(Self::None),
            "starttls" => Some(Self::StartTls),
            "tls" => Some(Self::Tls),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::StartTls => "starttls",
            Self::Tls => "tls",
        }
    }

    fn default_port(self) -> u16 {
        match self {
            Self::None => 25,
            Self::StartTls => 587,
            Self::Tls => 465,
        }
    }
}

#[derive(Clone, Debug)]
pub struct EmailConfig {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// The From address, e.g. `Gatehouse <noreply@example.org>`.
    pub from: String,
    /// Wait before the first retry of a failed delivery; it doubles after
    /// each further failure (capped at an hour).
    pub retry_seconds: u64,
    /// Deliveries tried before a message is marked failed.
    pub max_attempts: u32,
}

/// `[email]` as written in the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailSection {
    host: Option<String>,
    port: Option<u16>,
    security: Option<String>,
    username: Option<String>,
    password: Option<String>,
    from: Option<String>,
    retry_seconds: Option<u64>,
    max_attempts: Option<u32>,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl EmailSection {
    /// The effective settings (the `GATEHOUSE_EMAIL_*` variables win over
    /// the file); `None` when no host is set.
    pub fn resolve(self, errors: &mut Vec<String>) -> Option<EmailConfig> {
        let host = env("GATEHOUSE_EMAIL_HOST")
            .or(self.host)
            .filter(|h| !h.trim().is_empty())?;
        let security_raw = env("GATEHOUSE_EMAIL_SECURITY")
            .or(self.security)
            .unwrap_or_else(|| "starttls".into());
        let security = SmtpSecurity::parse(&security_raw).unwrap_or_else(|| {
            errors.push(format!(
                "email.security / GATEHOUSE_EMAIL_SECURITY: '{security_raw}' is not one of none, starttls, tls"
            ));
            SmtpSecurity::StartTls
        });
        let port = match env("GATEHOUSE_EMAIL_PORT") {
            Some(raw) => raw.parse().unwrap_or_else(|_| {
                errors.push(format!(
                    "GATEHOUSE_EMAIL_PORT: '{raw}' is not a port number"
                ));
                0
            }),
            None => self.port.unwrap_or(security.default_port()),
        };
        let from = env("GATEHOUSE_EMAIL_FROM")
            .or(self.from)
            .unwrap_or_default();
        if from.parse::<lettre::message::Mailbox>().is_err() {
            errors.push(format!(
                "email.from / GATEHOUSE_EMAIL_FROM: '{from}' is not an address such as Gatehouse <noreply@example.org>"
            ));
        }
        let config = EmailConfig {
            host: host.trim().to_owned(),
            port,
            security,
            username: env("GATEHOUSE_EMAIL_USERNAME").or(self.username),
            password: env("GATEHOUSE_EMAIL_PASSWORD")
                .or(self.password)
                .map(Secret::new),
            from,
            retry_seconds: self.retry_seconds.unwrap_or(30),
            max_attempts: self.max_attempts.unwrap_or(8),
        };
        if config.max_attempts == 0 {
            errors.push("email.max_attempts: must be at least 1".into());
        }
        Some(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(toml_text: &str) -> EmailSection {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn no_host_means_no_mail() {
        let mut errors = Vec::new();
        assert!(section("").resolve(&mut errors).is_none());
        assert!(errors.is_empty());
    }

    #[test]
    fn defaults_follow_the_security() {
        let mut errors = Vec::new();
        let config = section("host = \"smtp.example.org\"\nsecurity = \"tls\"\nfrom = \"Gatehouse <gh@example.org>\"\npassword = \"hunter2\"")
            .resolve(&mut errors)
            .unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!((config.port, config.security), (465, SmtpSecurity::Tls));
        assert!(
            !format!("{config:?}").contains("hunter2"),
            "the password is redacted"
        );
    }

    #[test]
    fn bad_values_are_reported() {
        let mut errors = Vec::new();
        section("host = \"smtp\"\nsecurity = \"ssl\"\nfrom = \"not an address\"")
            .resolve(&mut errors);
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}
