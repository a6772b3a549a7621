//! Importing users: read → check every row → decide each row's outcome
//! against existing users → (unless a dry run or any row is rejected) hash
//! passwords and write everything in one transaction.

pub mod parse;

use std::collections::{HashMap, HashSet};

use rand::{distributions::Slice, Rng};
use serde_json::json;

use super::Caller;
use crate::{
    model::{
        AppError, FieldError, ImportReport, OnConflict, Roles, RowOutcome, RowReport, ServerRole,
        UserStatus,
    },
    server::{
        db::{
            self,
            import::{ImportUpdate, Refusal},
            users::UserRow,
        },
        time::{new_id, now_ms},
        AppState,
    },
};
use parse::{Credential, ImportFormat, ImportRow};

/// Rows one request may carry.
pub const MAX_ROWS: usize = 200_000;
/// Passwords one request may ask the server to hash (given in clear or
/// generated): Argon2id costs tens of milliseconds each, so larger
/// migrations give `password_hash` values or come in several requests.
pub const MAX_HASHES: usize = 5_000;

#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions {
    pub dry_run: bool,
    pub on_conflict: OnConflict,
}

/// What will happen to one checked row.
enum Plan {
    Create(ImportRow),
    Update(ImportRow, String),
}

pub async fn users(
    state: &AppState,
    caller: &Caller,
    body: &str,
    format: ImportFormat,
    options: ImportOptions,
) -> Result<ImportReport, AppError> {
    caller.require(crate::model::Op::ManageUsers)?;
    let raw_rows = parse::read(body, format).map_err(|message| {
        AppError::Invalid(vec![FieldError::new("file", "file_unreadable", message)])
    })?;
    if raw_rows.len() > MAX_ROWS {
        return Err(AppError::Invalid(vec![FieldError::new(
            "file",
            "too_many_rows",
            format!("An import takes at most {MAX_ROWS} rows; split the file."),
        )]));
    }
    let mut report = ImportReport {
        dry_run: options.dry_run,
        total: raw_rows.len() as u64,
        ..ImportReport::default()
    };
    let min_length = state.config.password_min_length;
    let mut seen = HashSet::new();
    let mut checked = Vec::with_capacity(raw_rows.len());
    for raw in raw_rows {
        match parse::check(raw, min_length) {
            Ok(row) if !seen.insert(row.username.clone()) => reject(
                &mut report,
                row.line,
                &row.username,
                FieldError::new(
                    "username",
                    "username_duplicate",
                    "This username appears earlier in the file.",
                ),
            ),
            Ok(row) => checked.push(row),
            Err(bad) => {
                report.rejected += 1;
                report.rows.push(RowReport {
                    line: bad.line,
                    username: bad.username,
                    outcome: RowOutcome::Rejected,
                    problems: bad.problems,
                    temporary_password: None,
                });
            }
        }
    }

    // Roles and administrator rights in the file are roles being granted
    // or removed: the caller must cover all of them.
    let requested: Vec<Roles> = checked.iter().filter_map(|r| r.requested_roles()).collect();
    if !requested.is_empty() {
        let union = Roles::new(requested.iter().flat_map(|r| r.iter().collect::<Vec<_>>()));
        crate::server::ops::users::grantable(caller, &union)?;
    }
    let names: Vec<String> = checked.iter().map(|r| r.username.clone()).collect();
    let existing = db::import::existing(&state.db, &names).await?;
    let mut plans = Vec::with_capacity(checked.len());
    for row in checked {
        let Some(current) = existing.get(&row.username) else {
            report.created += 1;
            plans.push(Plan::Create(row));
            continue;
        };
        match options.on_conflict {
            OnConflict::Skip => {
                report.skipped += 1;
                report.rows.push(RowReport {
                    line: row.line,
                    username: row.username,
                    outcome: RowOutcome::Skipped,
                    problems: vec![taken("This user exists already; the row was skipped.")],
                    temporary_password: None,
                });
            }
            OnConflict::Fail => reject(
                &mut report,
                row.line,
                &row.username.clone(),
                taken("This user exists already."),
            ),
            OnConflict::Update
                if caller.user_id.as_deref() == Some(current.id.as_str())
                    && loses_a_role(&row, &current.roles) =>
            {
                let field = if row.roles.is_some() {
                    "roles"
                } else {
                    "admin"
                };
                reject(
                    &mut report,
                    row.line,
                    &row.username.clone(),
                    FieldError::new(
                        field,
                        "cannot_modify_self",
                        "You cannot remove your own administrator rights.",
                    ),
                )
            }
            OnConflict::Update => {
                report.updated += 1;
                plans.push(Plan::Update(row, current.id.clone()));
            }
        }
    }

    let to_hash = plans
        .iter()
        .filter(|p| match p {
            Plan::Create(r) => !matches!(r.credential, Credential::Hash(_)),
            Plan::Update(r, _) => matches!(r.credential, Credential::Password(_)),
        })
        .count();
    if to_hash > MAX_HASHES {
        return Err(AppError::Invalid(vec![FieldError::new(
            "file",
            "too_many_passwords",
            format!(
                "This import would hash {to_hash} passwords (given in clear or generated); \
                 at most {MAX_HASHES} per request. Give password_hash values or split the file."
            ),
        )]));
    }
    report.rows.sort_by_key(|r| r.line);
    if options.dry_run || report.rejected > 0 {
        return Ok(report);
    }

    let (creates, updates, generated) = prepare(state, plans).await?;
    let audit = caller.audit(
        "user.import",
        "user",
        None,
        json!({
            "created": report.created, "updated": report.updated,
            "skipped": report.skipped, "on_conflict": options.on_conflict,
            "usernames": creates.iter().take(1000).map(|u| u.username.as_str()).collect::<Vec<_>>(),
        }),
    );
    let join = super::orgs::new_user_links(state, None, None)
        .await?
        .memberships
        .into_iter()
        .next();
    match db::import::apply(&state.db, &creates, &updates, join.as_ref(), &audit).await? {
        Ok(()) => {}
        Err(Refusal::Taken(names)) => {
            return Err(AppError::conflict(
                "username_taken",
                None,
                format!(
                    "Meanwhile someone created {}; nothing was imported. Run the import again.",
                    names.join(", ")
                ),
            ))
        }
        Err(Refusal::NoActiveAdmin) => {
            return Err(AppError::conflict(
                "last_admin",
                None,
                "This import would leave no active administrator; nothing was imported.",
            ))
        }
    }
    report.applied = true;
    report.rows.extend(generated);
    report.rows.sort_by_key(|r| r.line);
    Ok(report)
}

/// Whether applying `row` takes any of `current` (the user's roles now).
fn loses_a_role(row: &ImportRow, current: &Roles) -> bool {
    match (&row.roles, row.admin) {
        (Some(roles), _) => current.iter().any(|r| !roles.contains(r)),
        (None, Some(admin)) => !admin,
        (None, None) => false,
    }
}

fn taken(message: &str) -> FieldError {
    FieldError::new("username", "username_taken", message)
}

fn reject(report: &mut ImportReport, line: u64, username: &str, problem: FieldError) {
    report.rejected += 1;
    report.rows.push(RowReport {
        line,
        username: username.to_owned(),
        outcome: RowOutcome::Rejected,
        problems: vec![problem],
        temporary_password: None,
    });
}

/// A password for a user who gave none: 16 characters without look-alikes.
fn temporary_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let chars = Slice::new(ALPHABET).expect("non-empty alphabet");
    rand::thread_rng()
        .sample_iter(chars)
        .take(16)
        .map(|&b| b as char)
        .collect()
}

/// Hashes passwords (in parallel, off the async threads) and builds the rows
/// to write. Returns the report rows of generated passwords.
async fn prepare(
    state: &AppState,
    plans: Vec<Plan>,
) -> Result<(Vec<UserRow>, Vec<ImportUpdate>, Vec<RowReport>), AppError> {
    // Which plans need a hash, and of what.
    let mut clear: Vec<(usize, String)> = Vec::new();
    let mut generated: HashMap<usize, String> = HashMap::new();
    for (i, plan) in plans.iter().enumerate() {
        match plan {
            Plan::Create(ImportRow {
                credential: Credential::Password(p),
                ..
            })
            | Plan::Update(
                ImportRow {
                    credential: Credential::Password(p),
                    ..
                },
                _,
            ) => clear.push((i, p.clone())),
            Plan::Create(ImportRow {
                credential: Credential::None,
                ..
            }) => {
                let p = temporary_password();
                generated.insert(i, p.clone());
                clear.push((i, p));
            }
            _ => {}
        }
    }
    let hashes = state.hasher.hash_many(clear).await?;

    let now = now_ms();
    let mut creates = Vec::new();
    let mut updates = Vec::new();
    let mut reports = Vec::new();
    for (i, plan) in plans.into_iter().enumerate() {
        match plan {
            Plan::Create(r) => {
                let hash = match &r.credential {
                    Credential::Hash(h) => Some(h.clone()),
                    _ => hashes.get(&i).cloned(),
                };
                if let Some(p) = generated.remove(&i) {
                    reports.push(RowReport {
                        line: r.line,
                        username: r.username.clone(),
                        outcome: RowOutcome::Created,
                        problems: Vec::new(),
                        temporary_password: Some(p),
                    });
                }
                creates.push(UserRow {
                    id: new_id(),
                    username: r.username,
                    display_name: r.display_name.flatten(),
                    email: r.email.flatten(),
                    password_hash: hash,
                    roles: match (&r.roles, r.admin) {
                        (Some(roles), _) => roles.clone(),
                        (None, admin) => {
                            Roles::new(admin.unwrap_or(false).then_some(ServerRole::ServerAdmin))
                        }
                    },
                    can_request_admin: false,
                    status: UserStatus::Active.as_str().into(),
                    created_at: now,
                    last_seen_at: None,
                    locked_at: None,
                    deactivated_at: None,
                    password_change_required: matches!(r.credential, Credential::None),
                    sessions_valid_after: 0,
                    email_verified_at: None,
                });
            }
            Plan::Update(r, id) => {
                let password_hash = match &r.credential {
                    Credential::Hash(h) => Some(h.clone()),
                    Credential::Password(_) => hashes.get(&i).cloned(),
                    Credential::None => None,
                };
                updates.push(ImportUpdate {
                    id,
                    display_name: r.display_name,
                    email: r.email,
                    // Exact roles carry their admin mirror; `admin` alone
                    // adds or removes server_admin.
                    admin: if r.roles.is_some() { None } else { r.admin },
                    roles: r.roles,
                    password_hash,
                });
            }
        }
    }
    Ok((creates, updates, reports))
}
