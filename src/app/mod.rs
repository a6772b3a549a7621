//! The panel: document shell, router and pages.

mod components;
mod format;
mod language;
mod layout;
pub mod live;
mod pages;
mod table;
pub mod theme;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

use crate::{
    model::{AppError, Me},
    server_fns::auth::current_user,
};
use layout::Layout;
use pages::settings::SettingsPage;
use pages::{
    account::AccountPage,
    allowlist::AllowListPage,
    applications::{ApplicationPage, ApplicationsPage},
    audit::AuditPage,
    broadcast::BroadcastPage,
    connections::ConnectionsPage,
    errors::NotFound,
    home::HomePage,
    login::LoginPage,
    oauth_clients::OAuthClientsPage,
    orgs::{OrgPage, OrgsPage},
    password::ChangePasswordPage,
    sessions::SessionsPage,
    setup::SetupPage,
    user_detail::UserDetailPage,
    user_import::ImportUsersPage,
    user_new::NewUserPage,
    users::UsersPage,
};
use pages::{
    email::{ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage},
    jobs::JobsPage,
    modules::ModulesPage,
    register::RegisterPage,
    registration_tokens::RegistrationTokensPage,
    second_factor::{ConfirmPage, SecondFactorPage},
    security::{SecurityPage, TotpSetupPage},
};

/// The whole HTML document, rendered on the server.
pub fn shell(options: leptos::config::LeptosOptions) -> impl IntoView {
    let (pkg_root, stylesheet, passkey_script) = asset_urls();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // The page's inline scripts carry this nonce; nothing else inline runs.
        let nonce = leptos::nonce::use_nonce();
        // A login on the way to an application (OpenID Connect, or a host
        // behind the forward-auth gate) ends, through redirects, at that
        // application's site: the form may go there.
        let to_application = use_context::<axum::http::request::Parts>().is_some_and(|parts| {
            matches!(parts.uri.path(), "/login" | "/login/second-factor")
                && parts.uri.query().is_some_and(|q| {
                    [
                        "next=%2Foauth2%2F",
                        "next=http%3A%2F%2F",
                        "next=https%3A%2F%2F",
                    ]
                    .iter()
                    .any(|start| q.contains(start))
                })
        });
        let targets = if to_application { "https: http:" } else { "" };
        let policy = crate::server::csp::policy_with_form_targets(nonce.as_deref(), targets);
        if let Ok(value) = axum::http::HeaderValue::from_str(&policy) {
            response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    // Decided once per request; every message of the page reads it.
    let language = crate::i18n::current();
    provide_context(language);
    view! {
        <!DOCTYPE html>
        <html lang=language.code() data-theme=theme::current().attribute()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                {hydrates_here().then(|| view! {
                    <AutoReload options=options.clone()/>
                    <HydrationScripts options root=pkg_root/>
                })}
                <link rel="stylesheet" id="leptos" href=stylesheet/>
                // Passkeys: the browser's WebAuthn ceremony (plain script,
                // so it works on the pages served without WebAssembly).
                <script src=passkey_script defer></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Pages served as plain HTML, without the panel's WebAssembly: the login
/// page is a plain form post, so a first visit need not download the panel
/// (about 0.9 MB compressed) before anyone has signed in.
#[cfg(feature = "ssr")]
const PLAIN_PAGES: [&str; 6] = [
    "/login",
    "/login/second-factor",
    "/confirm",
    "/forgot-password",
    "/reset-password",
    "/verify-email",
];

/// Whether the page being rendered loads the panel's code (the shell is
/// rendered on the server only).
fn hydrates_here() -> bool {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return !PLAIN_PAGES.contains(&parts.uri.path());
    }
    true
}

/// Content-addressed URLs of the panel's code and stylesheet (the shell is
/// rendered on the server only).
fn asset_urls() -> (String, String, String) {
    #[cfg(feature = "ssr")]
    if let Some(state) = use_context::<crate::server::AppState>() {
        let assets = &state.assets;
        return (
            assets.pkg_root(),
            assets.url(crate::server::assets::STYLESHEET),
            assets.url(PASSKEY_SCRIPT),
        );
    }
    (
        String::new(),
        "/pkg/gatehouse.css".into(),
        format!("/{PASSKEY_SCRIPT}"),
    )
}

const PASSKEY_SCRIPT: &str = "passkey.js";

/// Who is logged in; loaded once per page load, before anything renders.
#[derive(Clone, Copy)]
pub struct CurrentUser(pub Resource<Result<Option<Me>, AppError>>);

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The shell's on the server; `<html lang>` in the browser.
    provide_context(crate::i18n::current());
    provide_context(CurrentUser(Resource::new_blocking(
        || (),
        |_| current_user(),
    )));
    // Effects run only in the browser, after hydration: tests wait for this
    // mark (a page's live stream means its network is never idle).
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Title formatter=|page: String| if page.is_empty() { "Gatehouse".to_owned() } else { format!("{page} · Gatehouse") }/>
        <Router>
            <Routes fallback=NotFound>
                // Async: every page arrives complete, with its real status and
                // title, and reads fine before (or without) WebAssembly.
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async/>
                <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async/>
                <Route path=path!("/account/password") view=ChangePasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/login/second-factor") view=SecondFactorPage ssr=SsrMode::Async/>
                <Route path=path!("/confirm") view=ConfirmPage ssr=SsrMode::Async/>
                <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/reset-password") view=ResetPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/verify-email") view=VerifyEmailPage ssr=SsrMode::Async/>
                <ParentRoute path=path!("") view=Layout ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("users/new") view=NewUserPage ssr=SsrMode::Async/>
                    <Route path=path!("users/import") view=ImportUsersPage ssr=SsrMode::Async/>
                    <Route path=path!("users/:id") view=UserDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("account/security") view=SecurityPage ssr=SsrMode::Async/>
                    <Route path=path!("account/security/totp") view=TotpSetupPage ssr=SsrMode::Async/>
                    <Route path=path!("oauth2-clients") view=OAuthClientsPage ssr=SsrMode::Async/>
                    <Route path=path!("applications") view=ApplicationsPage ssr=SsrMode::Async/>
                    <Route path=path!("applications/:id") view=ApplicationPage ssr=SsrMode::Async/>
                    <Route path=path!("allowlist") view=AllowListPage ssr=SsrMode::Async/>
                    <Route path=path!("connections") view=ConnectionsPage ssr=SsrMode::Async/>
                    <Route path=path!("broadcast") view=BroadcastPage ssr=SsrMode::Async/>
                    <Route path=path!("sessions") view=SessionsPage ssr=SsrMode::Async/>
                    <Route path=path!("orgs") view=OrgsPage ssr=SsrMode::Async/>
                    <Route path=path!("orgs/:id") view=OrgPage ssr=SsrMode::Async/>
                    <Route path=path!("registration-tokens") view=RegistrationTokensPage ssr=SsrMode::Async/>
                    <Route path=path!("settings") view=SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("modules") view=ModulesPage ssr=SsrMode::Async/>
                    <Route path=path!("jobs") view=JobsPage ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
