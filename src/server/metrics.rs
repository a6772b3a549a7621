//! Operations endpoints: `/metrics` (Prometheus text format), `/health/live`
//! and `/health/ready`, and the middleware that counts requests.

use std::{collections::BTreeMap, fmt::Write, sync::Mutex, time::Instant};

use axum::{
    extract::{MatchedPath, Request, State},
    http::{header, HeaderMap, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;

use super::{
    auth::token::{constant_time_eq, hash_secret},
    db,
    time::now_ms,
    AppState,
};

pub const METRICS_PATH: &str = "/metrics";
pub const LIVE_PATH: &str = "/health/live";
pub const READY_PATH: &str = "/health/ready";

/// Upper bounds (seconds) of the latency histogram's buckets.
const BUCKETS: [f64; 11] = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Default)]
pub struct Metrics {
    inner: Mutex<Recorded>,
}

#[derive(Default)]
struct Recorded {
    /// (method, route, status) → count.
    requests: BTreeMap<(String, String, u16), u64>,
    /// route → latency histogram.
    latency: BTreeMap<String, Histogram>,
}

#[derive(Default)]
struct Histogram {
    /// Not cumulative: one count per bucket, and the overflow last.
    counts: [u64; BUCKETS.len() + 1],
    sum: f64,
    total: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        let i = BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(BUCKETS.len());
        self.counts[i] += 1;
        self.sum += seconds;
        self.total += 1;
    }
}

impl Metrics {
    fn record(&self, method: &str, route: &str, status: u16, seconds: f64) {
        // A poisoned lock only means a panic elsewhere mid-update: the counts
        // are still usable.
        let mut m = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        *m.requests
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default() += 1;
        m.latency
            .entry(route.to_owned())
            .or_default()
            .observe(seconds);
    }

    fn render_requests(&self, out: &mut String) {
        let m = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        out.push_str(
            "# HELP gatehouse_http_requests_total HTTP requests answered, by route and status.\n",
        );
        out.push_str("# TYPE gatehouse_http_requests_total counter\n");
        for ((method, route, status), n) in &m.requests {
            let _ = writeln!(
                out,
                "gatehouse_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                escape(route)
            );
        }
        out.push_str("# HELP gatehouse_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE gatehouse_http_request_duration_seconds histogram\n");
        for (route, h) in &m.latency {
            let route = escape(route);
            let mut cumulative = 0;
            for (bound, n) in BUCKETS.iter().zip(h.counts) {
                cumulative += n;
                let _ = writeln!(
                    out,
                    "gatehouse_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "gatehouse_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.total
            );
            let _ = writeln!(
                out,
                "gatehouse_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "gatehouse_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.total
            );
        }
    }
}

/// Label values escape `\`, `"` and newlines.
pub(crate) fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The methods HTTP defines keep their name; any other (a client may send
/// any token) is `OTHER`, so that no client can add series at will.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::CONNECT => "CONNECT",
        Method::OPTIONS => "OPTIONS",
        Method::TRACE => "TRACE",
        Method::PATCH => "PATCH",
        _ => "OTHER",
    }
}

/// Counts every request by its route pattern (not its concrete path, so ids
/// do not make one series each) and status.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let method = method_label(request.method()).to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state
        .metrics
        .record(&method, &route, status, elapsed.as_secs_f64());
    tracing::info!(
        target: "gatehouse::access",
        method,
        route,
        status,
        ms = elapsed.as_millis() as u64,
        "request"
    );
    response
}

/// `/metrics`: 404 while the `metrics` module is off; with
/// `[metrics] bearer_token` set, 401 without that token.
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    use super::ops::modules::{is_enabled, Module};
    if !is_enabled(&state, Module::Metrics).await.unwrap_or(true) {
        return (StatusCode::NOT_FOUND, "the metrics module is disabled\n").into_response();
    }
    if let Some(expected) = &state.config.metrics_token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !constant_time_eq(&hash_secret(given), &hash_secret(expected.expose())) {
            return (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")],
                "a bearer token is required\n",
            )
                .into_response();
        }
    }
    let mut out = String::with_capacity(8 * 1024);
    state.metrics.render_requests(&mut out);
    state.gate.render_metrics(&mut out);
    let (size, idle) = state.db.pool_size();
    out.push_str("# HELP gatehouse_db_pool_connections Database pool connections, by state.\n");
    out.push_str("# TYPE gatehouse_db_pool_connections gauge\n");
    let _ = writeln!(
        out,
        "gatehouse_db_pool_connections{{state=\"idle\"}} {idle}\ngatehouse_db_pool_connections{{state=\"in_use\"}} {}",
        size.saturating_sub(idle)
    );
    if let Ok((streams, users)) = db::live::count(&state.db, None, now_ms()).await {
        out.push_str(
            "# HELP gatehouse_connected_users Users with a live connection on any instance.\n",
        );
        out.push_str("# TYPE gatehouse_connected_users gauge\n");
        let _ = writeln!(out, "gatehouse_connected_users {users}");
        out.push_str("# HELP gatehouse_live_connections Open live connections on any instance.\n");
        out.push_str("# TYPE gatehouse_live_connections gauge\n");
        let _ = writeln!(out, "gatehouse_live_connections {streams}");
    }
    if let Ok(jobs) = db::jobs::all(&state.db).await {
        out.push_str(
            "# HELP gatehouse_job_state Each background job's state (1 for the state it is in).\n",
        );
        out.push_str("# TYPE gatehouse_job_state gauge\n");
        for job in &jobs {
            let Some(kind) = crate::server::jobs::JobKind::from_name(&job.name) else {
                continue;
            };
            let current = crate::server::jobs::to_model(kind, job).state;
            for s in ["idle", "queued", "running", "paused"] {
                let _ = writeln!(
                    out,
                    "gatehouse_job_state{{job=\"{}\",state=\"{s}\"}} {}",
                    job.name,
                    u8::from(current == s)
                );
            }
        }
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}

/// Liveness: the process answers.
pub async fn live() -> Json<serde_json::Value> {
    Json(json!({"status": "ok"}))
}

/// Readiness: the database answers too; 503 otherwise.
pub async fn ready(State(state): State<AppState>) -> Response {
    match db::stats::ping(&state.db).await {
        Ok(()) => Json(json!({"status": "ok", "database": "ok"})).into_response(),
        Err(e) => {
            tracing::warn!("readiness check failed: {e}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "unavailable", "database": "unreachable"})),
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_in_the_text() {
        let m = Metrics::default();
        m.record("GET", "/users/{id}", 200, 0.003);
        m.record("GET", "/users/{id}", 200, 0.2);
        m.record("GET", "/users/{id}", 404, 30.0);
        let mut out = String::new();
        m.render_requests(&mut out);
        assert!(out.contains(
            "gatehouse_http_requests_total{method=\"GET\",route=\"/users/{id}\",status=\"200\"} 2"
        ));
        assert!(out.contains("le=\"0.005\"} 1"));
        assert!(out.contains("le=\"0.25\"} 2"));
        assert!(out.contains("le=\"10\"} 2"));
        assert!(out.contains("le=\"+Inf\"} 3"));
        assert!(out.contains("_count{route=\"/users/{id}\"} 3"));
    }

    #[test]
    fn methods_outside_http_are_one_label() {
        use axum::http::Method;
        assert_eq!(method_label(&Method::PATCH), "PATCH");
        let invented = Method::from_bytes(b"BREW").unwrap();
        assert_eq!(method_label(&invented), "OTHER");
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
