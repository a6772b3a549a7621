//! Configuration: an optional TOML file, then environment overrides, validated
//! once at start. Every key is documented in the README.

use std::{net::SocketAddr, path::PathBuf};

use serde::Deserialize;

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub public_url: String,
    pub data_dir: PathBuf,
    /// Where the compiled panel (wasm, js, css) lives.
    pub site_root: String,
    pub database_url: String,
    pub database_max_connections: u32,
    pub cookie_secure: bool,
    pub same_site_strict: bool,
    pub session_idle_minutes: i64,
    pub password_min_length: usize,
    pub basic_auth: bool,
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
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerSection {
    listen: Option<String>,
    public_url: Option<String>,
    data_dir: Option<String>,
    site_root: Option<String>,
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
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthSection {
    password_min_length: Option<usize>,
    basic_auth: Option<bool>,
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
            .or(file.server.site_root)
            .unwrap_or_else(|| "target/site".into());

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

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            listen,
            public_url,
            data_dir,
            site_root,
            database_url,
            database_max_connections,
            cookie_secure,
            same_site_strict,
            session_idle_minutes,
            password_min_length,
            basic_auth,
        })
    }

    /// Host and port of the public URL, as browsers send it in `Origin`.
    pub fn public_origin(&self) -> &str {
        &self.public_url
    }
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
    fn unknown_keys_are_refused() {
        let errors = load_file("[server]\nlistn = \"x\"\n").unwrap_err();
        assert!(errors[0].contains("unknown field"), "{errors:?}");
    }
}
