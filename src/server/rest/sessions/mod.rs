//! Panel login sessions ("devices"): `GET /sessions` across users and
//! `/users/{id}/sessions` for one, revoking one, and logging a user out
//! everywhere. One endpoint per file.

pub mod list;
pub mod logout;
pub mod revoke;
pub mod user_list;

use serde::Serialize;

use super::{extract::ListQuery, resource, PREFIX};
use crate::model::{AppError, Session, SessionFilter};

#[derive(Serialize, utoipa::ToSchema)]
pub struct SessionAttributes<'a> {
    #[schema(value_type = String)]
    user_id: &'a str,
    #[schema(value_type = String, example = "alice")]
    username: &'a str,
    #[schema(value_type = Option<String>, required = true, example = "203.0.113.7")]
    client_ip: &'a Option<String>,
    #[schema(value_type = Option<String>, required = true)]
    user_agent: &'a Option<String>,
    #[schema(value_type = Option<String>, required = true, example = "Firefox")]
    browser: &'a Option<String>,
    #[schema(value_type = Option<String>, required = true, example = "133.0")]
    browser_version: &'a Option<String>,
    #[schema(value_type = Option<String>, required = true, example = "Windows")]
    os: &'a Option<String>,
    #[schema(value_type = Option<String>, required = true, example = "10")]
    os_version: &'a Option<String>,
    /// `desktop`, `mobile`, `tablet`, `bot` or `other`.
    #[schema(value_type = String, pattern = "^(desktop|mobile|tablet|bot|other)$")]
    device: &'a str,
    #[schema(value_type = String, format = DateTime)]
    created_at: &'a str,
    #[schema(value_type = String, format = DateTime)]
    last_seen_at: &'a str,
    #[schema(value_type = Option<String>, format = DateTime, required = true)]
    revoked_at: &'a Option<String>,
    /// Not revoked and seen within the session idle timeout.
    active: bool,
}

/// Doc-only schemas of the sessions' documents.
pub mod schema {
    use super::SessionAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "session",
        "^session$",
        SessionAttributes<'static>,
        SessionResource,
        SessionDocument,
        SessionListDocument
    );

    /// `{"revoked": n}`.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct LogoutResult {
        /// How many live sessions ended.
        revoked: u64,
    }
}

resource!(Session, "session", id = id, SessionAttributes, |session| {
    SessionAttributes {
        user_id: &session.user_id,
        username: &session.username,
        client_ip: &session.client_ip,
        user_agent: &session.user_agent,
        browser: &session.browser,
        browser_version: &session.browser_version,
        os: &session.os,
        os_version: &session.os_version,
        device: &session.device,
        created_at: &session.created_at,
        last_seen_at: &session.last_seen_at,
        revoked_at: &session.revoked_at,
        active: session.active,
    }
});

fn user_sessions_path(user_id: &str) -> String {
    format!("{PREFIX}/users/{user_id}/sessions")
}

/// Parses a sessions list's query: `filters` are the filter parameters this
/// endpoint takes. Returns the filter and the query it was read from (for
/// the paging links). Unknown parameters and bad values are a 400.
pub fn parse_query(raw: &str, filters: &[&str]) -> Result<(SessionFilter, ListQuery), AppError> {
    let query = ListQuery::parse(raw, filters)?;
    let filter = query.filter(|get| crate::server::ops::sessions::filter_from(get))?;
    Ok((filter, query))
}

/// Doc-only: the filters of the sessions lists.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct FilterParams {
    /// Only active sessions (`true`: not revoked and seen within the idle
    /// timeout) or only the others (`false`).
    #[param(rename = "filter[active]")]
    active: Option<bool>,
    /// Only sessions logged in from this address.
    #[param(rename = "filter[ip]", example = "203.0.113.7")]
    ip: Option<String>,
    /// Last seen before this time (RFC 3339, or a date meaning its midnight UTC).
    #[param(rename = "filter[last_seen_before]", example = "2026-01-31T00:00:00Z")]
    last_seen_before: Option<String>,
    /// Last seen at or after this time (RFC 3339 or a date).
    #[param(rename = "filter[last_seen_after]", example = "2026-01-31")]
    last_seen_after: Option<String>,
}

/// Doc-only: the user filters of `GET /sessions`.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct UserFilterParam {
    /// Only this user's sessions (a user id).
    #[param(
        rename = "filter[user]",
        pattern = "^[0-7][0-9A-HJKMNP-TV-Z]{25}$",
        example = "01JD3Z6Q9V8W7X6Y5Z4A3B2C1D"
    )]
    user: Option<String>,
    /// Only this user's sessions (a username, exactly).
    #[param(rename = "filter[username]", max_length = 256, example = "alice")]
    username: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CountMode;

    const ALL: [&str; 5] = [
        "filter[user]",
        "filter[active]",
        "filter[ip]",
        "filter[last_seen_before]",
        "filter[last_seen_after]",
    ];

    #[test]
    fn parses_filters() {
        let (f, query) = parse_query(
            "filter[active]=true&filter[ip]=203.0.113.7&page[first]=5&count=false",
            &ALL,
        )
        .unwrap();
        assert_eq!(f.active, Some(true));
        assert_eq!(f.ip.as_deref(), Some("203.0.113.7"));
        assert_eq!(f.page.size(), 5);
        assert_eq!(f.count, CountMode::Skip);
        assert_eq!(
            query.encoded,
            "filter[active]=true&filter[ip]=203.0.113.7&count=false"
        );
    }

    #[test]
    fn rejects_unknown_and_bad_parameters() {
        let param = |q: &str, filters: &[&str]| match parse_query(q, filters).unwrap_err() {
            AppError::BadRequest { parameter, .. } => parameter.unwrap(),
            other => panic!("{other:?}"),
        };
        assert_eq!(param("filter[colour]=red", &ALL), "filter[colour]");
        assert_eq!(param("filter[active]=yes", &ALL), "filter[active]");
        assert_eq!(param("filter[ip]=nowhere", &ALL), "filter[ip]");
        assert_eq!(param("filter[user]=alice", &ALL), "filter[user]");
        assert_eq!(
            param("filter[last_seen_after]=soon", &ALL),
            "filter[last_seen_after]"
        );
        assert_eq!(param("filter[user]=x", &ALL[1..]), "filter[user]");
    }
}
