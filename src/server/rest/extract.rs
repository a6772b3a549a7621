//! Extractors that turn every input problem into the API's error format.

use std::net::SocketAddr;

use axum::{
    extract::{
        rejection::JsonRejection, ConnectInfo, FromRequest, FromRequestParts, MatchedPath, Request,
    },
    http::{request::Parts, Method},
    response::Response,
};
use tower_sessions::Session;

use super::{common::page_response, ApiError, Resource};
use crate::{
    model::{
        AppError, AuditFilter, CountMode, MemberFilter, OrgFilter, Page, PageRequest,
        RegistrationTokenFilter, SessionFilter,
    },
    server::{
        auth::{caller, network::ClientAddr},
        ops::Caller,
        AppState,
    },
};

/// The client as the `client_address` middleware worked it out; without
/// that middleware (never in the real router) the socket peer, no TLS.
pub fn client_addr(parts: &Parts) -> ClientAddr {
    parts
        .extensions
        .get::<ClientAddr>()
        .copied()
        .unwrap_or_else(|| ClientAddr {
            ip: parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip()),
            tls: false,
        })
}

/// What every admin handler works with: the server's state and the
/// authenticated administrator of the request (401 without credentials, 403
/// for anyone else). Operations authorize again in `ops`.
pub struct ApiCall {
    pub state: AppState,
    pub caller: Caller,
}

impl FromRequestParts<AppState> for ApiCall {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = parts.extensions.get::<Session>().cloned();
        let caller = caller::resolve(state, &parts.headers, session.as_ref(), client_addr(parts))
            .await?
            .ok_or(ApiError(AppError::Unauthenticated))?;
        // Every route here needs a role: refuse those whose roles cannot
        // allow the route's operation before the request is parsed any
        // further, so a 400 or 404 tells them nothing. The operations
        // check again, with the target.
        let path = parts
            .extensions
            .get::<MatchedPath>()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        let method = match parts.method {
            Method::HEAD => "get".to_owned(),
            ref m => m.as_str().to_ascii_lowercase(),
        };
        match super::route_ops::op_of(&method, &path) {
            Some(op) => super::route_ops::may_try(&caller, op)?,
            // A route missing from the table is refused to all but the
            // server's administrators (a unit test keeps the table whole).
            None => caller.require(crate::model::Op::ManageServer)?,
        }
        Ok(Self {
            state: state.clone(),
            caller,
        })
    }
}

/// The query string as sent, empty when there is none: list endpoints parse
/// it themselves to name a bad parameter.
pub struct QueryString(pub String);

impl<S: Send + Sync> FromRequestParts<S> for QueryString {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(parts.uri.query().unwrap_or_default().to_owned()))
    }
}

/// A JSON body; any problem with it (syntax, shape, content type) is a 400.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => {
                let message = match &rejection {
                    JsonRejection::MissingJsonContentType(_) => {
                        "expected a JSON body with Content-Type: application/json".to_owned()
                    }
                    other => other.body_text(),
                };
                Err(ApiError(AppError::BadRequest {
                    message,
                    parameter: None,
                }))
            }
        }
    }
}

/// A JSON body that may be left out entirely (then `T::default()`).
pub struct OptionalJson<T>(pub T);

impl<T, S> FromRequest<S> for OptionalJson<T>
where
    T: serde::de::DeserializeOwned + Default,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError(AppError::bad_request(e.body_text())))?;
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(T::default()));
        }
        serde_json::from_slice(&body)
            .map(Self)
            .map_err(|e| ApiError(AppError::bad_request(format!("invalid JSON body: {e}"))))
    }
}

/// Query parameters; anything unparsable or unknown is a 400 in our format.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Self(value))
            .map_err(|rejection| ApiError(AppError::bad_request(rejection.body_text())))
    }
}

/// `application/x-www-form-urlencoded` pairs in order, repeats kept.
pub fn form_pairs(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| {
                let s = s.replace('+', " ");
                urlencoding::decode(&s).map(|c| c.into_owned()).unwrap_or(s)
            };
            (decode(k), decode(v))
        })
        .collect()
}

/// The query's parameters by name: a 400 naming the parameter when one is
/// not `known` or is given twice.
pub fn query_params(
    raw: &str,
    known: impl Fn(&str) -> bool,
) -> Result<std::collections::HashMap<String, String>, AppError> {
    let mut params = std::collections::HashMap::new();
    for (key, value) in form_pairs(raw) {
        if !known(&key) {
            return Err(AppError::bad_parameter(
                &key,
                format!("unknown parameter {key}"),
            ));
        }
        if params.insert(key.clone(), value).is_some() {
            return Err(AppError::bad_parameter(
                &key,
                format!("{key} given more than once"),
            ));
        }
    }
    Ok(params)
}

pub const PAGING: [&str; 4] = ["page[first]", "page[after]", "page[last]", "page[before]"];

/// `count`: `true` (also when absent), `false` or `only`; else a 400 naming it.
pub fn count_param(value: Option<&str>) -> Result<CountMode, AppError> {
    let count = value
        .map(|s| {
            CountMode::parse(s).ok_or_else(|| {
                AppError::bad_parameter("count", "count must be true, false or only")
            })
        })
        .transpose()?;
    Ok(count.unwrap_or_default())
}

/// The paging parameters, read through `get`; a 400 naming the one at fault.
pub fn page_param<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<PageRequest, AppError> {
    PageRequest::from_params(
        get("page[first]"),
        get("page[after]"),
        get("page[last]"),
        get("page[before]"),
    )
    .map_err(|(param, message)| AppError::bad_parameter(param, message))
}

/// The query without its paging, for the links to other pages: the `keys`
/// given (values re-encoded), then `count` as it came (it was checked).
pub fn link_filters<'a, 'k>(
    keys: impl IntoIterator<Item = &'k str>,
    get: impl Fn(&str) -> Option<&'a str>,
) -> String {
    keys.into_iter()
        .filter_map(|k| get(k).map(|v| format!("{k}={}", urlencoding::encode(v))))
        .chain(get("count").map(|v| format!("count={v}")))
        .collect::<Vec<_>>()
        .join("&")
}

/// The parts every list query shares: paging, `count`, and the endpoint's
/// own filter parameters (unknown or repeated parameters are a 400).
#[derive(Debug)]
pub struct ListQuery {
    params: std::collections::HashMap<String, String>,
    pub page: PageRequest,
    pub count: CountMode,
    /// The filters and `count` re-encoded, for the paging links.
    pub encoded: String,
}

impl ListQuery {
    pub fn parse(raw: &str, filters: &[&str]) -> Result<Self, AppError> {
        let params = query_params(raw, |key| {
            filters.contains(&key) || PAGING.contains(&key) || key == "count"
        })?;
        let get = |k: &str| params.get(k).map(String::as_str);
        let count = count_param(get("count"))?;
        let page = page_param(get)?;
        let encoded = link_filters(filters.iter().copied(), get);
        Ok(Self {
            page,
            count,
            encoded,
            params,
        })
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.params.get(key).map(String::as_str)
    }

    /// The endpoint's filter, read from this query by `filter_from`, with
    /// the page asked for and whether to count.
    pub fn filter<F: PagedFilter>(
        &self,
        filter_from: impl FnOnce(&dyn Fn(&str) -> Option<String>) -> Result<F, AppError>,
    ) -> Result<F, AppError> {
        let mut filter = filter_from(&|k| self.get(k).map(str::to_owned))?;
        filter.set_paging(self.page.clone(), self.count);
        Ok(filter)
    }

    /// The list's answer: `page` with links that keep this query's filters.
    pub fn page_response<R: Resource>(&self, page: &Page<R>, path: &str, raw: &str) -> Response {
        page_response(page, path, &self.encoded, raw, self.page.size())
    }
}

/// A list's filter, which also carries the page asked for and the count mode.
pub trait PagedFilter {
    fn set_paging(&mut self, page: PageRequest, count: CountMode);
}

macro_rules! paged_filters {
    ($($filter:ty),+) => {$(
        impl PagedFilter for $filter {
            fn set_paging(&mut self, page: PageRequest, count: CountMode) {
                self.page = page;
                self.count = count;
            }
        }
    )+};
}

paged_filters!(
    AuditFilter,
    MemberFilter,
    OrgFilter,
    RegistrationTokenFilter,
    SessionFilter
);
