//! The `gatehouse` command line.

use std::{io::BufRead, path::PathBuf};

use clap::{Parser, Subcommand};

use super::{
    config::Config,
    ops::{self, tokens::NewToken, Caller},
    startup, AppState,
};
use crate::model::{AppError, NewUser};

#[derive(Parser, Debug)]
#[command(
    name = "gatehouse",
    version,
    about = "Account and access administration server"
)]
pub struct Cli {
    /// TOML configuration file (environment variables override it).
    #[arg(long, global = true, env = "GATEHOUSE_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the server (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Create a server administrator.
    CreateAdmin {
        #[arg(long)]
        username: String,
        /// Read the password from the first line of standard input instead of a prompt.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Apply the provisioning file now (the configured one, or --file) and
    /// print what was created, changed or left alone.
    Provision {
        /// A provisioning file other than the configured one.
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Show or empty the admin IP allow-list (the way back in after a lock-out).
    Allowlist {
        #[command(subcommand)]
        command: AllowlistCommand,
    },
    /// The OpenID Connect provider's ID-token signing keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Outgoing mail ([email] settings).
    Email {
        #[command(subcommand)]
        command: EmailCommand,
    },
}

#[derive(Subcommand, Debug)]
enum EmailCommand {
    /// Send a test message now through the configured SMTP server and
    /// print its answer.
    Test {
        /// The address to send it to.
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand, Debug)]
enum KeysCommand {
    /// Generate new signing keys; the old ones stay published until the ID
    /// tokens they signed have expired. Running servers pick them up within
    /// a minute.
    Rotate,
}

#[derive(Subcommand, Debug)]
enum AllowlistCommand {
    /// Print the entries, one per line.
    List,
    /// Remove every entry: admin access is then allowed from any address.
    Clear,
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Create a token; its secret is the last line of standard output.
    Create {
        /// Username of the token's owner.
        #[arg(long)]
        user: String,
        /// Scope (repeatable): urn:gatehouse:admin or urn:gatehouse:admin:read.
        #[arg(long = "scope")]
        scopes: Vec<String>,
        /// Lifetime such as 3600, 90m, 12h or 30d; none means no expiry.
        #[arg(long)]
        expires_in: Option<String>,
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

/// Runs the command line and returns the process exit code.
pub async fn run() -> i32 {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(errors) => {
            eprintln!("gatehouse: invalid configuration:");
            for e in errors {
                eprintln!("  - {e}");
            }
            return 2;
        }
    };
    init_tracing(config.log_format);
    let state = match startup::state(config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("gatehouse: {e}");
            return 1;
        }
    };
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(state.clone()).await,
        Command::Migrate => {
            println!("Database is migrated ({}).", state.db.backend());
            Ok(())
        }
        Command::CreateAdmin {
            username,
            password_stdin,
        } => create_admin(&state, username, password_stdin).await,
        Command::Token {
            command:
                TokenCommand::Create {
                    user,
                    scopes,
                    expires_in,
                    name,
                },
        } => create_token(&state, user, scopes, expires_in, name).await,
        Command::Allowlist { command } => allowlist(&state, command).await,
        Command::Provision { file } => provision(&state, file).await,
        Command::Email {
            command: EmailCommand::Test { to },
        } => ops::email::send_test(&state, &to).await.map(|()| {
            println!("Sent a test message to {to}.");
        }),
        Command::Keys {
            command: KeysCommand::Rotate,
        } => ops::oidc::rotate_keys(&state, &Caller::system())
            .await
            .map(|kids| {
                for kid in kids {
                    println!("{kid}");
                }
                eprintln!(
                    "New signing keys are in use; the old ones stay published for {} s.",
                    ops::oidc::ID_TOKEN_TTL_SECS
                );
            })
            .map_err(describe),
    };
    state.db.close().await;
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("gatehouse: {message}");
            1
        }
    }
}

fn init_tracing(format: crate::server::config::LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_sessions=warn")
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        crate::server::config::LogFormat::Text => builder.try_init(),
        crate::server::config::LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

async fn serve(state: AppState) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(state.config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", state.config.listen))?;
    let internal = match state.config.internal_listen {
        Some(addr) => Some((
            addr,
            tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| format!("cannot listen on {addr} (internal): {e}"))?,
        )),
        None => None,
    };
    let public_url = state.config.public_url.clone();
    let on_main = state.config.admin_api_on_main;
    let internal_app = startup::internal_router(state.clone());
    let live = state.live.clone();
    let needs_setup_state = state.clone();
    let app = startup::router(state).await.map_err(|e| e.to_string())?;
    // After provisioning, which may have created an administrator.
    let needs_setup = ops::setup::needs_setup(&needs_setup_state)
        .await
        .map_err(|e| e.to_string())?;
    println!("Gatehouse is serving the panel at {public_url}");
    if needs_setup {
        println!(
            "No administrator exists yet: open {public_url}/setup, or run \
             `gatehouse create-admin --username NAME`."
        );
    }
    if on_main {
        println!("The admin API is at {public_url}/api/admin/v1 (docs: {public_url}/api/doc/)");
    }
    let result = match internal {
        None => startup::serve(listener, app).await,
        Some((addr, internal)) => {
            println!("The admin API is also at http://{addr}/api/admin/v1 (internal listener)");
            let (main, internal) = tokio::join!(
                startup::serve(listener, app),
                startup::serve(internal, internal_app)
            );
            main.and(internal)
        }
    };
    // Other instances stop listing this one's connections at once.
    live.stop().await;
    result.map_err(|e| e.to_string())
}

fn read_password(from_stdin: bool) -> Result<String, String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("Password: ").map_err(|e| e.to_string())?;
    let again = rpassword::prompt_password("Password (again): ").map_err(|e| e.to_string())?;
    if first != again {
        return Err("the passwords do not match".into());
    }
    Ok(first)
}

fn describe(e: AppError) -> String {
    match e {
        AppError::Invalid(fields) => fields
            .into_iter()
            .map(|f| f.message)
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}

async fn create_admin(
    state: &AppState,
    username: String,
    password_stdin: bool,
) -> Result<(), String> {
    let password = read_password(password_stdin)?;
    if password.is_empty() {
        return Err("a password is required".into());
    }
    let input = NewUser {
        username,
        password: Some(password),
        admin: true,
        ..NewUser::default()
    };
    let user = ops::users::create(state, &Caller::system(), input)
        .await
        .map_err(describe)?;
    println!("Created administrator {} ({}).", user.username, user.id);
    Ok(())
}

/// Parses `3600`, `90s`, `90m`, `12h`, `30d` into seconds.
fn parse_duration(raw: &str) -> Option<i64> {
    let (digits, unit) = match raw.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => raw.split_at(i),
        None => (raw, "s"),
    };
    let n: i64 = digits.parse().ok()?;
    let factor = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return None,
    };
    n.checked_mul(factor).filter(|s| *s > 0)
}

async fn create_token(
    state: &AppState,
    username: String,
    scopes: Vec<String>,
    expires_in: Option<String>,
    name: String,
) -> Result<(), String> {
    let expires_in_secs = expires_in
        .map(|raw| {
            parse_duration(&raw).ok_or(format!(
                "--expires-in: '{raw}' is not like 3600, 90m, 12h or 30d"
            ))
        })
        .transpose()?;
    let caller = Caller::system();
    let user = ops::users::get_by_username(state, &caller, &username)
        .await
        .map_err(describe)?;
    let input = NewToken {
        user_id: user.id,
        name,
        scopes,
        expires_at: expires_in_secs.map(|s| super::time::now_ms() + s * 1000),
    };
    let created = ops::tokens::create(state, &caller, input)
        .await
        .map_err(describe)?;
    let token = created.token;
    eprintln!(
        "Created token {} for {} with scopes {}{}. The secret is shown once:",
        token.id,
        username,
        token.scopes.join(" "),
        token
            .expires_at
            .map(|t| format!(", expiring {t}"))
            .unwrap_or_default()
    );
    println!("{}", created.secret);
    Ok(())
}

async fn provision(state: &AppState, file: Option<PathBuf>) -> Result<(), String> {
    let Some(path) = file.or_else(|| state.config.provisioning_file.clone()) else {
        return Err(
            "no provisioning file: give --file or configure [provisioning] file / GATEHOUSE_PROVISIONING_FILE"
                .into(),
        );
    };
    match ops::provisioning::apply_file(state, &Caller::system(), &path).await {
        Ok(report) => {
            for item in &report.items {
                let changes = if item.changes.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", item.changes.join(", "))
                };
                println!(
                    "{}\t{}\t{}{changes}",
                    item.outcome.as_str(),
                    item.kind.as_str(),
                    item.name
                );
            }
            println!(
                "Provisioned {}: {} created, {} changed, {} unchanged.",
                path.display(),
                report.created,
                report.changed,
                report.unchanged
            );
            Ok(())
        }
        Err(AppError::ProvisioningInvalid(problems)) => {
            for p in &problems {
                eprintln!("{}: {p}", path.display());
            }
            Err(format!(
                "{} problem(s) in {}; nothing was changed",
                problems.len(),
                path.display()
            ))
        }
        Err(e) => Err(describe(e)),
    }
}

async fn allowlist(state: &AppState, command: AllowlistCommand) -> Result<(), String> {
    let caller = Caller::system();
    match command {
        AllowlistCommand::List => {
            let list = ops::allowlist::list(state, &caller)
                .await
                .map_err(describe)?;
            if list.entries.is_empty() {
                eprintln!("The allow-list is empty: admin access is allowed from any address.");
            }
            for e in list.entries {
                println!("{}\t{}", e.entry, e.note.unwrap_or_default());
            }
        }
        AllowlistCommand::Clear => {
            let n = ops::allowlist::clear(state, &caller)
                .await
                .map_err(describe)?;
            println!("Removed {n} entries: admin access is allowed from any address.");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("3600"), Some(3600));
        assert_eq!(parse_duration("90m"), Some(5400));
        assert_eq!(parse_duration("30d"), Some(2_592_000));
        assert_eq!(parse_duration("0"), None);
        assert_eq!(parse_duration("5w"), None);
        assert_eq!(parse_duration("h"), None);
    }
}
