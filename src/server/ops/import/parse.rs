//! Reading an import file (CSV with a header row, or JSON lines) into rows,
//! and checking each row on its own.

use std::collections::HashMap;

use serde_json::Value;

use crate::{
    model::{validate, FieldError, Roles, ServerRole},
    server::auth::password,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Csv,
    JsonLines,
}

impl ImportFormat {
    /// From a media type such as `text/csv; charset=utf-8`.
    pub fn from_content_type(raw: &str) -> Option<Self> {
        let media = raw.split(';').next().unwrap_or("").trim();
        match media.to_ascii_lowercase().as_str() {
            "text/csv" | "application/csv" => Some(Self::Csv),
            "application/jsonl"
            | "application/x-ndjson"
            | "application/x-jsonlines"
            | "application/jsonlines"
            | "application/json-lines" => Some(Self::JsonLines),
            _ => None,
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "csv" => Some(Self::Csv),
            "jsonl" => Some(Self::JsonLines),
            _ => None,
        }
    }
}

/// A row's fields as given. Outer `None`: the column or key is absent (an
/// update leaves the field alone); `Some(None)`: empty or null (clears it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawRow {
    pub line: u64,
    pub username: Option<String>,
    pub display_name: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub admin: Option<Option<String>>,
    /// Role names; `Some(vec![])`: an empty cell, null or `[]` (no roles).
    pub roles: Option<Vec<String>>,
    pub password: Option<String>,
    pub password_hash: Option<String>,
    /// A problem found while reading the row itself.
    pub unreadable: Option<String>,
}

/// How an imported user will log in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    /// Nothing given: a new user gets a generated temporary password, an
    /// existing one keeps theirs.
    None,
    Password(String),
    Hash(String),
}

/// A row that passed every check of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    pub line: u64,
    pub username: String,
    pub display_name: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub admin: Option<bool>,
    /// The server roles, exactly (with or without `server_admin` as
    /// `admin` says, when given too); `None`: no `roles` given, so `admin`
    /// alone decides.
    pub roles: Option<Roles>,
    pub credential: Credential,
}

impl ImportRow {
    /// The roles this row hands out or takes: what the caller must cover.
    pub fn requested_roles(&self) -> Option<Roles> {
        match (&self.roles, self.admin) {
            (Some(roles), Some(_)) => {
                Some(Roles::new(roles.iter().chain([ServerRole::ServerAdmin])))
            }
            (Some(roles), None) => Some(roles.clone()),
            (None, Some(_)) => Some(Roles::server_admin()),
            (None, None) => None,
        }
    }
}

/// A row that did not, with every reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub username: String,
    pub problems: Vec<FieldError>,
}

const COLUMNS: [&str; 7] = [
    "username",
    "display_name",
    "email",
    "admin",
    "roles",
    "password",
    "password_hash",
];

/// Reads every row. Only a file that cannot be read as a whole (no header
/// naming a username column) is an error; a bad row is reported on its own.
pub fn read(body: &str, format: ImportFormat) -> Result<Vec<RawRow>, String> {
    match format {
        ImportFormat::Csv => read_csv(body),
        ImportFormat::JsonLines => Ok(read_json_lines(body)),
    }
}

fn read_csv(body: &str) -> Result<Vec<RawRow>, String> {
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("the CSV header cannot be read: {e}"))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    // Unknown columns (an export's id, status, times) are ignored.
    let index: HashMap<&str, usize> = COLUMNS
        .iter()
        .filter_map(|c| header.iter().position(|h| h == c).map(|i| (*c, i)))
        .collect();
    if !index.contains_key("username") {
        return Err("the CSV header must name a username column".into());
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.iter().all(str::is_empty) {
                    continue;
                }
                let cell = |name: &str| {
                    index.get(name).map(|&i| {
                        Some(record.get(i).unwrap_or("").to_owned()).filter(|v| !v.is_empty())
                    })
                };
                rows.push(RawRow {
                    line,
                    username: cell("username").flatten(),
                    display_name: cell("display_name"),
                    email: cell("email"),
                    admin: cell("admin"),
                    roles: cell("roles").map(|v| split_roles(v.as_deref().unwrap_or(""))),
                    password: cell("password").flatten(),
                    password_hash: cell("password_hash").flatten(),
                    unreadable: None,
                });
            }
            Err(e) => rows.push(RawRow {
                line: e.position().map(|p| p.line()).unwrap_or(0),
                unreadable: Some(format!("This row cannot be read: {e}")),
                ..RawRow::default()
            }),
        }
    }
    Ok(rows)
}

fn read_json_lines(body: &str) -> Vec<RawRow> {
    let mut rows = Vec::new();
    for (i, text) in body.lines().enumerate() {
        let line = i as u64 + 1;
        if text.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                rows.push(RawRow {
                    line,
                    unreadable: Some("Each line must be a JSON object.".into()),
                    ..RawRow::default()
                });
                continue;
            }
            Err(e) => {
                rows.push(RawRow {
                    line,
                    unreadable: Some(format!("This line is not valid JSON: {e}")),
                    ..RawRow::default()
                });
                continue;
            }
        };
        // Strings stay strings, booleans become "true"/"false", null clears.
        let field = |name: &str| {
            object.get(name).map(|v| match v {
                Value::Null => None,
                Value::String(s) if s.trim().is_empty() => None,
                Value::String(s) => Some(s.trim().to_owned()),
                other => Some(other.to_string()),
            })
        };
        rows.push(RawRow {
            line,
            username: field("username").flatten(),
            display_name: field("display_name"),
            email: field("email"),
            admin: field("admin"),
            roles: object.get("roles").map(json_roles),
            password: field("password").flatten(),
            password_hash: field("password_hash").flatten(),
            unreadable: None,
        });
    }
    rows
}

/// Role names in one cell or string: separated by spaces or `;`.
fn split_roles(raw: &str) -> Vec<String> {
    raw.split(|c: char| c == ';' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Role names from JSON: an array of strings, or one string as in CSV;
/// null is none. Anything else is kept as its text (an unknown role).
fn json_roles(value: &Value) -> Vec<String> {
    match value {
        Value::Null => Vec::new(),
        Value::String(s) => split_roles(s),
        Value::Array(items) => items
            .iter()
            .flat_map(|item| match item {
                Value::String(s) => split_roles(s),
                other => vec![other.to_string()],
            })
            .collect(),
        other => vec![other.to_string()],
    }
}

fn parse_bool(raw: &str) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "y" => Some(true),
        "false" | "0" | "no" | "n" => Some(false),
        _ => None,
    }
}

/// Applies the same rules as creating a user by hand.
pub fn check(raw: RawRow, password_min_length: usize) -> Result<ImportRow, BadRow> {
    let shown_name = raw.username.clone().unwrap_or_default();
    let bad = |problems| BadRow {
        line: raw.line,
        username: shown_name.clone(),
        problems,
    };
    if let Some(reason) = &raw.unreadable {
        return Err(bad(vec![FieldError::new("row", "row_unreadable", reason)]));
    }
    let mut problems = Vec::new();
    let username = match raw.username.as_deref() {
        None => {
            problems.push(FieldError::new(
                "username",
                "username_missing",
                "Every row needs a username.",
            ));
            None
        }
        Some(u) => validate::username(u).map_err(|e| problems.push(e)).ok(),
    };
    let display_name = raw
        .display_name
        .clone()
        .map(|v| validate::display_name(v.as_deref()))
        .transpose()
        .map_err(|e| problems.push(e))
        .ok()
        .flatten();
    let email = raw
        .email
        .clone()
        .map(|v| validate::email(v.as_deref()))
        .transpose()
        .map_err(|e| problems.push(e))
        .ok()
        .flatten();
    let admin = match &raw.admin {
        None | Some(None) => None,
        Some(Some(v)) => match parse_bool(v) {
            Some(b) => Some(b),
            None => {
                problems.push(FieldError::new(
                    "admin",
                    "admin_invalid",
                    "admin must be true or false.",
                ));
                None
            }
        },
    };
    let roles = match &raw.roles {
        None => None,
        // `admin`, when given too, then adds or removes server_admin.
        Some(names) => match Roles::parse_names(names) {
            Ok(roles) => {
                let others = roles
                    .iter()
                    .filter(|r| admin.is_none() || *r != ServerRole::ServerAdmin);
                let admin = (admin == Some(true)).then_some(ServerRole::ServerAdmin);
                Some(Roles::new(others.chain(admin)))
            }
            Err(bad) => {
                problems.push(FieldError::new(
                    "roles",
                    "role_unknown",
                    format!(
                        "Unknown role '{bad}' (server_admin, user_admin, helpdesk or auditor)."
                    ),
                ));
                None
            }
        },
    };
    let credential = match (raw.password.clone(), raw.password_hash.clone()) {
        (Some(_), Some(_)) => {
            problems.push(FieldError::new(
                "password",
                "password_and_hash",
                "Give a password or a password_hash, not both.",
            ));
            Credential::None
        }
        (Some(p), None) => {
            if let Err(e) =
                validate::password(&p, username.as_deref().unwrap_or(""), password_min_length)
            {
                problems.push(e);
            }
            Credential::Password(p)
        }
        (None, Some(h)) => {
            if let Err(message) = password::check_importable(&h) {
                problems.push(FieldError::new(
                    "password_hash",
                    "password_hash_unsupported",
                    message,
                ));
            }
            Credential::Hash(h)
        }
        (None, None) => Credential::None,
    };
    match username {
        Some(username) if problems.is_empty() => Ok(ImportRow {
            line: raw.line,
            username,
            display_name,
            email,
            admin,
            roles,
            credential,
        }),
        _ => Err(bad(problems)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quotes_extra_columns_and_blank_lines() {
        let body = "\u{feff}id,Username,display_name,email,admin,status\n\
                    X,alice,\"Smith, Alice\",a@example.org,true,active\n\
                    \n\
                    Y,bob,,,no,locked\n";
        let rows = read(body, ImportFormat::Csv).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].username.as_deref(), Some("alice"));
        assert_eq!(rows[0].display_name, Some(Some("Smith, Alice".into())));
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].email, Some(None));
        assert_eq!(rows[1].password, None);
        let bob = check(rows[1].clone(), 8).unwrap();
        assert_eq!(bob.admin, Some(false));
        assert_eq!(bob.roles, None);
        assert_eq!(bob.credential, Credential::None);
    }

    #[test]
    fn csv_without_username_column_is_refused() {
        assert!(read("name,email\nx,y\n", ImportFormat::Csv).is_err());
    }

    #[test]
    fn json_lines_absent_null_and_broken() {
        let body = "{\"username\":\"carol\",\"admin\":true,\"email\":null}\n\
                    not json\n\
                    [1]\n";
        let rows = read(body, ImportFormat::JsonLines).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].display_name, None);
        assert_eq!(rows[0].email, Some(None));
        assert_eq!(check(rows[0].clone(), 8).unwrap().admin, Some(true));
        let broken = check(rows[1].clone(), 8).unwrap_err();
        assert_eq!(broken.line, 2);
        assert_eq!(broken.problems[0].code, "row_unreadable");
        assert!(check(rows[2].clone(), 8).is_err());
    }

    #[test]
    fn every_problem_of_a_row_is_reported() {
        let raw = RawRow {
            line: 7,
            username: Some("Bad Name".into()),
            email: Some(Some("nope".into())),
            admin: Some(Some("maybe".into())),
            password: Some("short".into()),
            ..RawRow::default()
        };
        let bad = check(raw, 8).unwrap_err();
        let fields: Vec<&str> = bad.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["username", "email", "admin", "password"]);
        let both = RawRow {
            line: 1,
            username: Some("dan".into()),
            password: Some("long-enough-1".into()),
            password_hash: Some("$2b$04$x".into()),
            ..RawRow::default()
        };
        assert_eq!(
            check(both, 8).unwrap_err().problems[0].code,
            "password_and_hash"
        );
    }

    #[test]
    fn roles_from_csv_cells_and_json() {
        let body = "username,admin,roles\n\
                    hd,,helpdesk; auditor\n\
                    boss,true,auditor\n\
                    none,,\n\
                    bad,,helpdesk root\n\
                    odd,false,server_admin\n";
        let rows = read(body, ImportFormat::Csv).unwrap();
        let hd = check(rows[0].clone(), 8).unwrap();
        assert_eq!(
            hd.roles,
            Some(Roles::new([ServerRole::Helpdesk, ServerRole::Auditor]))
        );
        assert_eq!(hd.requested_roles(), hd.roles);
        // admin = true adds server_admin to the roles named.
        let boss = check(rows[1].clone(), 8).unwrap();
        assert_eq!(boss.roles.unwrap().stored(), "server_admin auditor");
        // An empty cell: no roles at all.
        let none = check(rows[2].clone(), 8).unwrap();
        assert_eq!(none.roles, Some(Roles::default()));
        let bad = check(rows[3].clone(), 8).unwrap_err();
        assert_eq!(
            (
                bad.problems[0].field.as_str(),
                bad.problems[0].code.as_str()
            ),
            ("roles", "role_unknown")
        );
        assert!(bad.problems[0].message.contains("'root'"));
        // admin = false takes server_admin out of the roles named.
        let odd = check(rows[4].clone(), 8).unwrap();
        assert_eq!(odd.roles, Some(Roles::default()));
        assert_eq!(odd.requested_roles(), Some(Roles::server_admin()));

        let body = "{\"username\":\"a\",\"roles\":[\"user_admin\",\"auditor\"]}\n\
                    {\"username\":\"b\",\"roles\":\"helpdesk\"}\n\
                    {\"username\":\"c\",\"roles\":null}\n\
                    {\"username\":\"d\",\"roles\":[1]}\n\
                    {\"username\":\"e\",\"admin\":false}\n";
        let rows = read(body, ImportFormat::JsonLines).unwrap();
        let roles: Vec<Option<String>> = rows[..3]
            .iter()
            .map(|r| check(r.clone(), 8).unwrap().roles.map(|r| r.stored()))
            .collect();
        assert_eq!(
            roles,
            [
                Some("user_admin auditor".to_owned()),
                Some("helpdesk".to_owned()),
                Some(String::new())
            ]
        );
        assert_eq!(
            check(rows[3].clone(), 8).unwrap_err().problems[0].code,
            "role_unknown"
        );
        // Without roles, admin alone decides, and asks for server_admin.
        let e = check(rows[4].clone(), 8).unwrap();
        assert_eq!(e.roles, None);
        assert_eq!(e.requested_roles(), Some(Roles::server_admin()));
        assert_eq!(rows[0].roles.as_ref().map(Vec::len), Some(2));
    }

    #[test]
    fn content_types() {
        assert_eq!(
            ImportFormat::from_content_type("text/csv; charset=utf-8"),
            Some(ImportFormat::Csv)
        );
        assert_eq!(
            ImportFormat::from_content_type("application/x-ndjson"),
            Some(ImportFormat::JsonLines)
        );
        assert_eq!(ImportFormat::from_content_type("application/json"), None);
    }
}
