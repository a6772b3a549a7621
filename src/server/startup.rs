//! Building the application: database, router with panel, server functions,
//! REST API and static files, and the layers around them.

use std::{net::SocketAddr, sync::Arc};

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    Router,
};
use leptos::{config::LeptosOptions, prelude::provide_context};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::Session;

use super::{
    assets::Assets,
    auth::{
        caller,
        limiter::LoginLimiter,
        network::{client_address, ClientAddr},
        origin::refuse_cross_origin,
        session::Store,
    },
    config::Config,
    db::{BoxError, Db},
    ops::{self, Caller},
    rest, AppState,
};
use crate::app::{shell, App};
use crate::model::Op;

/// Connects to the database and applies migrations.
pub async fn state(config: Config) -> Result<AppState, BoxError> {
    if config.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            format!(
                "cannot create data directory {}: {e}",
                config.data_dir.display()
            )
        })?;
    }
    // Schema changes run on a connection of their own that is closed before
    // serving: a pooled connection opened while a migration ran could keep a
    // view of the database from before it.
    let migrator = Db::connect(&config.database_url, 1)
        .await
        .map_err(|e| format!("cannot open database: {e}"))?;
    migrator
        .migrate()
        .await
        .map_err(|e| format!("migration failed: {e}"))?;
    Store::new(&migrator)
        .migrate()
        .await
        .map_err(|e| format!("migration of the sessions table failed: {e}"))?;
    migrator.close().await;
    let db = Db::connect(&config.database_url, config.database_max_connections)
        .await
        .map_err(|e| format!("cannot open database: {e}"))?;
    let assets = load_assets(&config)?;
    let leptos_options = LeptosOptions::builder()
        .output_name("gatehouse")
        .site_root(assets.source.clone())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build();
    let live = super::live::Live::new(db.clone(), config.live);
    let login_limiter = Arc::new(LoginLimiter::new(config.rate_limits, db.clone()));
    let gate: Arc<super::ops::forward_auth::gate::Gate> = Default::default();
    let clients: Arc<super::ops::oidc::clients::ClientCache> = Default::default();
    live.on_forget({
        let (gate, clients) = (gate.clone(), clients.clone());
        move |what| {
            if matches!(what, super::live::Forget::Everything) {
                clients.forget_all();
            }
            gate.forget(what)
        }
    });
    let state = AppState {
        db,
        leptos_options,
        login_limiter,
        hasher: Arc::new(super::auth::password::Hasher::new(config.hashing)),
        live,
        stats: Default::default(),
        metrics: Default::default(),
        assets: Arc::new(assets),
        signing_keys: Default::default(),
        gate,
        clients,
        mail: Arc::new(super::email::Mail::new(config.email.as_ref())?),
        config: Arc::new(config),
    };
    super::ops::orgs::ensure_default_org(&state)
        .await
        .map_err(|e| format!("cannot create the default organisation: {e}"))?;
    Ok(state)
}

/// The site root named in the configuration, else the panel embedded in the
/// binary, else (a build without one) `target/site` of a checkout.
fn load_assets(config: &Config) -> Result<Assets, BoxError> {
    let dir = match (&config.site_root, Assets::embedded()) {
        (None, Some(embedded)) => return Ok(embedded),
        (Some(root), _) => root.clone(),
        (None, None) => {
            tracing::warn!("this binary carries no panel; serving target/site from disk");
            "target/site".into()
        }
    };
    Assets::from_dir(std::path::Path::new(&dir))
        .map_err(|e| format!("cannot read the site root {dir}: {e}").into())
}

pub async fn router(state: AppState) -> Result<Router, BoxError> {
    // The provisioning file (when configured) is applied before serving; a
    // broken one stops the start like a bad configuration would.
    provision(&state).await?;
    let store = Store::new(&state.db);
    store.spawn_cleanup();
    state.live.start();
    super::jobs::start(&state)
        .await
        .map_err(|e| format!("cannot set up the background jobs: {e}"))?;
    super::email::start(&state);
    let sessions = store.layer(&state.config);

    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let api = if state.config.admin_api_on_main {
        rest::router()
    } else {
        Router::new()
    };
    let app = Router::new()
        .merge(api)
        .route(
            rest::register::PATH,
            axum::routing::post(rest::register::handler),
        )
        .route(
            super::live::sse::PATH,
            axum::routing::get(super::live::sse::handler),
        )
        .merge(operations_routes())
        .merge(super::oidc::router())
        .merge(super::gate::router())
        .merge(super::theme::router())
        .merge(super::language::router())
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(static_file_or_not_found(&state, context))
        .layer(middleware::from_fn_with_state(state.clone(), page_guard))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            refuse_cross_origin,
        ))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            client_address,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            super::metrics::track,
        ))
        .layer(middleware::map_response(super::assets::html_is_not_cached));
    Ok(with_security_headers(app, &state.config).with_state(state))
}

/// A file of the panel, or the panel's 404 page.
fn static_file_or_not_found(
    state: &AppState,
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> impl Fn(Request) -> std::pin::Pin<Box<dyn std::future::Future<Output = Response> + Send>>
       + Clone
       + Send
       + Sync
       + 'static {
    let not_found = leptos_axum::render_app_to_stream_with_context(context, {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    });
    let assets = state.assets.clone();
    move |request: Request| {
        let found = assets.respond(request.method(), request.uri().path(), request.headers());
        let not_found = not_found.clone();
        Box::pin(async move {
            if let Some(file) = found {
                return file;
            }
            let mut response = not_found(request).await.into_response();
            // Keep a status a page set itself (a redirect, a 403).
            if response.status() == StatusCode::OK {
                *response.status_mut() = StatusCode::NOT_FOUND;
            }
            response
        })
    }
}

/// Applies the provisioning file at start, logging every problem of a
/// broken one.
pub async fn provision(state: &AppState) -> Result<(), BoxError> {
    match ops::provisioning::apply_at_start(state).await {
        Ok(_) => Ok(()),
        Err(crate::model::AppError::ProvisioningInvalid(problems)) => {
            for problem in &problems {
                tracing::error!(line = problem.line, code = %problem.code, "provisioning: {}", problem.message);
            }
            let file = state
                .config
                .provisioning_file
                .as_ref()
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            let list: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
            Err(format!(
                "the provisioning file {file} cannot be applied (nothing was changed):\n{}",
                list.join("\n")
            )
            .into())
        }
        Err(e) => Err(format!("provisioning failed: {e}").into()),
    }
}

/// The internal listener: the admin API and its documents, nothing else
/// (no panel, no cookies), for deployments that keep admin traffic on a
/// private address.
pub fn internal_router(state: AppState) -> Router {
    let app = rest::router()
        .route(
            rest::oauth2_token::PATH,
            axum::routing::post(rest::oauth2_token::handler),
        )
        .merge(operations_routes())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            client_address,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            super::metrics::track,
        ));
    with_security_headers(app, &state.config).with_state(state)
}

/// `/metrics` and the health probes, on every listener.
fn operations_routes() -> Router<AppState> {
    use super::metrics;
    use axum::routing::get;
    Router::new()
        .route(metrics::METRICS_PATH, get(metrics::metrics))
        .route(metrics::LIVE_PATH, get(metrics::live))
        .route(metrics::READY_PATH, get(metrics::ready))
}

fn with_security_headers(app: Router<AppState>, config: &Config) -> Router<AppState> {
    // Panel pages set their own policy, with the page's nonce.
    let app = app.layer(SetResponseHeaderLayer::if_not_present(
        header::CONTENT_SECURITY_POLICY,
        super::csp::default_header(),
    ));
    let app = if config.public_url.starts_with("https://") {
        app.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(super::csp::HSTS),
        ))
    } else {
        app
    };
    app.layer(SetResponseHeaderLayer::if_not_present(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("DENY"),
    ))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    ))
}

/// Serves `app` on `listener` until ctrl-c / SIGTERM.
pub async fn serve(listener: TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    super::live::process_stopping();
}

/// Which panel pages need whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PageAccess {
    Login,
    Setup,
    Member,
    /// Callers whose roles allow the operation.
    Admin(Op),
    /// The organisations list: also their own organisations' members.
    Orgs,
    /// One organisation: who may read it.
    Org,
    Other,
}

fn query_value(request: &Request, name: &str) -> Option<String> {
    let query = request.uri().query()?;
    rest::extract::form_pairs(query)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

fn query_has(request: &Request, name: &str) -> bool {
    query_value(request, name).is_some()
}

fn page_access(path: &str) -> PageAccess {
    match path {
        "/login" | "/login/second-factor" => PageAccess::Login,
        "/setup" => PageAccess::Setup,
        "/account"
        | "/account/password"
        | "/account/security"
        | "/account/security/totp"
        | "/confirm" => PageAccess::Member,
        "/orgs" => PageAccess::Orgs,
        p if p.starts_with("/orgs/") => PageAccess::Org,
        p => crate::model::roles::page_op(p).map_or(PageAccess::Other, PageAccess::Admin),
    }
}

/// Gives full page loads their real HTTP answer before rendering: anonymous
/// visitors are redirected to log in, non-admins get a 403 page, `/setup`
/// is a 404 once an administrator exists. Client-side navigation is covered by
/// the page components, and every operation still authorizes itself in `ops`.
async fn page_guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let access = page_access(request.uri().path());
    if request.method() == Method::GET && request.uri().path() == "/register" {
        // The page says registration is closed; the status says it is gone.
        return match ops::modules::is_enabled(&state, ops::modules::Module::Registration).await {
            Ok(true) => next.run(request).await,
            Ok(false) => with_status(next.run(request).await, StatusCode::NOT_FOUND),
            Err(e) => rest::ApiError(e).into_response(),
        };
    }
    if request.method() != Method::GET || access == PageAccess::Other {
        return next.run(request).await;
    }
    // A list URL with the panel's old parameter names (`/users?q=…`) moves
    // for good to the admin API's names (`/users?filter%5Bsearch%5D=…`).
    if let Some(query) = request.uri().query() {
        let path = request.uri().path();
        if let Some(query) = crate::model::filters::modernize_query(path, query) {
            let location = if query.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{query}")
            };
            return Redirect::permanent(&location).into_response();
        }
    }
    let session = request.extensions().get::<Session>().cloned();
    let addr = request
        .extensions()
        .get::<ClientAddr>()
        .copied()
        .unwrap_or(ClientAddr {
            ip: None,
            tls: false,
        });
    let caller: Option<Caller> = match session {
        // Pages are for browsers: only the session cookie counts here.
        Some(session) => {
            match caller::resolve(&state, &Default::default(), Some(&session), addr).await {
                Ok(c) => c,
                Err(e) => return rest::ApiError(e).into_response(),
            }
        }
        None => None,
    };
    let needs_setup = match ops::setup::needs_setup(&state).await {
        Ok(v) => v,
        Err(e) => return rest::ApiError(e).into_response(),
    };
    let path = request.uri().path().to_owned();
    match (access, &caller) {
        // A signed-in visitor goes where the login would have led, unless
        // an application asked for a fresh login (`reauth`).
        (PageAccess::Login, Some(_)) if !query_has(&request, "reauth") => {
            let next = match query_value(&request, "next") {
                Some(next) => ops::forward_auth::return_address(&state, &next)
                    .await
                    .ok()
                    .flatten(),
                None => None,
            };
            return Redirect::to(next.as_deref().unwrap_or("/")).into_response();
        }
        (PageAccess::Login, None) if needs_setup => return Redirect::to("/setup").into_response(),
        (PageAccess::Setup, _) if !needs_setup => {
            return with_status(next.run(request).await, StatusCode::NOT_FOUND)
        }
        (PageAccess::Member | PageAccess::Admin(_) | PageAccess::Orgs | PageAccess::Org, None) => {
            let target = if needs_setup {
                "/setup".to_owned()
            } else {
                let full = request
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                format!("/login?next={}", urlencoding::encode(full))
            };
            return Redirect::to(&target).into_response();
        }
        // A temporary password must be replaced before anything else.
        (
            PageAccess::Member | PageAccess::Admin(_) | PageAccess::Orgs | PageAccess::Org,
            Some(c),
        ) if c.password_change_required && path != "/account/password" => {
            return Redirect::to("/account/password").into_response();
        }
        // So must the second factor the policy requires.
        (
            PageAccess::Member | PageAccess::Admin(_) | PageAccess::Orgs | PageAccess::Org,
            Some(c),
        ) if c.second_factor_required && !path.starts_with("/account/security") => {
            return Redirect::to("/account/security").into_response();
        }
        // The start page is the dashboard; whoever may not see it is sent
        // to the first page they may use before anything renders.
        (PageAccess::Admin(op), Some(c)) if path == "/" && !c.may(op) => {
            return Redirect::to(landing_page(c)).into_response();
        }
        (access, Some(c)) if !page_allowed(&state, access, c, &path) => {
            request.extensions_mut().insert(c.clone());
            return with_status(next.run(request).await, StatusCode::FORBIDDEN);
        }
        _ => {}
    }
    if let Some(c) = caller {
        request.extensions_mut().insert(c);
    }
    let mut response = next.run(request).await;
    // Pages show personal data: never let a shared cache keep them.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// The page a signed-in caller starts from: the first one their rights open.
fn landing_page(c: &Caller) -> &'static str {
    crate::model::roles::landing_page(|op| c.may(op), c.org_admin_of().next().is_some())
}

fn page_allowed(state: &AppState, access: PageAccess, c: &Caller, path: &str) -> bool {
    let readers = state.config.org_members_visible_to;
    match access {
        PageAccess::Admin(op) => c.may(op),
        PageAccess::Orgs => {
            c.may(Op::ReadOrgs)
                || c.orgs
                    .iter()
                    .any(|(id, _)| c.require_in_org(Op::ReadOrgs, id, readers).is_ok())
        }
        PageAccess::Org => {
            let id = path.trim_start_matches("/orgs/");
            c.require_in_org(Op::ReadOrgs, id, readers).is_ok()
        }
        _ => true,
    }
}

fn with_status(mut response: Response, status: StatusCode) -> Response {
    *response.status_mut() = status;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_classified() {
        assert_eq!(
            page_access("/users/01JD0000000000000000000000"),
            PageAccess::Admin(Op::ReadUsers)
        );
        assert_eq!(page_access("/"), PageAccess::Admin(Op::ReadServer));
        assert_eq!(
            page_access("/orgs/01JD0000000000000000000000"),
            PageAccess::Org
        );
        assert_eq!(page_access("/account"), PageAccess::Member);
        assert_eq!(page_access("/login"), PageAccess::Login);
        assert_eq!(page_access("/pkg/gatehouse.js"), PageAccess::Other);
        assert_eq!(page_access("/api/admin/v1/users"), PageAccess::Other);
    }
}
