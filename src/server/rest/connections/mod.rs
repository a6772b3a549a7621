//! `/connections` and `/users/{id}/connected`: who has a panel page open now,
//! on any instance.

pub mod connected;
pub mod list;

use serde::Serialize;

use super::resource;
use crate::model::Connection;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ConnectionAttributes<'a> {
    #[schema(value_type = String)]
    user_id: &'a str,
    #[schema(value_type = String, example = "alice")]
    username: &'a str,
    #[schema(value_type = Option<String>, required = true, example = "203.0.113.7")]
    client_ip: &'a Option<String>,
    #[schema(value_type = Option<String>, required = true)]
    user_agent: &'a Option<String>,
    /// When the connection was opened.
    #[schema(value_type = String, format = DateTime)]
    since: &'a str,
}

/// Doc-only schemas of the connections' documents.
pub mod schema {
    use super::ConnectionAttributes;

    crate::server::rest::openapi::resource_schemas!(
        "connection",
        "^connection$",
        ConnectionAttributes<'static>,
        ConnectionResource,
        ConnectionDocument,
        ConnectionListDocument
    );

    /// `{"connected": bool}`.
    #[derive(utoipa::ToSchema)]
    #[allow(dead_code)]
    pub struct ConnectedDocument {
        connected: bool,
    }
}

resource!(
    Connection,
    "connection",
    id = id,
    ConnectionAttributes,
    |connection| ConnectionAttributes {
        user_id: &connection.user_id,
        username: &connection.username,
        client_ip: &connection.client_ip,
        user_agent: &connection.user_agent,
        since: &connection.since,
    }
);
