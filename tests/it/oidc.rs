//! The OpenID Connect provider, driven by a maintained client library
//! (`openidconnect`) as the relying party: discovery, authorization code
//! with PKCE, consent, ID-token signature against the JWKS, UserInfo,
//! refresh rotation and reuse detection, revocation, introspection, the
//! device grant, and grants dying with their user's standing.

use openidconnect::{
    core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims},
    http, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, RedirectUrl, RefreshToken, Scope, TokenResponse,
};
use serde_json::{json, Value};

use crate::common::{reported, spawn_provider, spawn_provider_with, Auth, Reply, TestApp};

const REDIRECT: &str = "http://rp.example/callback";

/// The client as discovery configures it (authorization endpoint set,
/// token and UserInfo endpoints as the provider says).
type Client = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

/// The library's HTTP client: ureq without redirects, every status an answer.
fn http_client(request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, std::io::Error> {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let mut req = agent.request(request.method().as_str(), &request.uri().to_string());
    for (name, value) in request.headers() {
        req = req.set(name.as_str(), value.to_str().unwrap_or_default());
    }
    let result = if request.body().is_empty() && request.method() == http::Method::GET {
        req.call()
    } else {
        req.send_bytes(request.body())
    };
    let response = match result {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => return Err(std::io::Error::other(e.to_string())),
    };
    let mut builder = http::Response::builder().status(response.status());
    for name in response.headers_names() {
        if let Some(value) = response.header(&name) {
            builder = builder.header(name.as_str(), value);
        }
    }
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut response.into_reader(), &mut body)?;
    Ok(builder.body(body).unwrap())
}

struct Provider {
    app: TestApp,
    admin: String,
}

impl Provider {
    fn new() -> Self {
        let app = spawn_provider();
        let admin = app.admin_token();
        Self { app, admin }
    }

    fn register(&self, body: Value) -> (String, Option<String>) {
        let reply = self.app.post_json(
            "/api/admin/v1/applications",
            Auth::Bearer(&self.admin),
            &body,
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        let doc = reply.json();
        (
            doc["data"]["attributes"]["client_id"]
                .as_str()
                .unwrap()
                .to_owned(),
            doc["meta"]["client_secret"].as_str().map(str::to_owned),
        )
    }

    fn confidential(&self, name: &str, extra: Value) -> (String, String) {
        let mut body = json!({"name": name, "redirect_uris": [REDIRECT],
            "post_logout_redirect_uris": ["http://rp.example/bye"]});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let (id, secret) = self.register(body);
        (id, secret.expect("a confidential client gets a secret"))
    }

    fn client(&self, id: &str, secret: Option<&str>) -> Client {
        let metadata = CoreProviderMetadata::discover(
            &IssuerUrl::new(self.app.base.clone()).unwrap(),
            &http_client,
        )
        .expect("discovery");
        CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(id.into()),
            secret.map(|s| ClientSecret::new(s.into())),
        )
        .set_redirect_uri(RedirectUrl::new(REDIRECT.into()).unwrap())
    }

    /// The browser's part: from the authorization URL to the redirect back
    /// (consenting when asked); the final Location.
    fn browse(&self, url: &str, cookie: &str) -> String {
        let path = url.strip_prefix(&self.app.base).expect("our own URL");
        let mut reply = self.app.get(path, Auth::Cookie(cookie));
        if reply.status == 303 && location(&reply).starts_with("/consent/") {
            let consent = location(&reply).to_owned();
            let page = self.app.get(&consent, Auth::Cookie(cookie));
            assert_eq!(page.status, 200, "{}", page.body);
            reply = self
                .app
                .post_form(&consent, Auth::Cookie(cookie), &[], "decision=allow");
        }
        assert_eq!(reply.status, 303, "{}", reply.body);
        location(&reply).to_owned()
    }
}

impl Provider {
    /// A code from an authorization request with the library's defaults
    /// (`openid`, state, nonce), through the browser signed in with `cookie`.
    fn code_for(&self, client: &Client, cookie: &str) -> String {
        let (url, _, _) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .url();
        query_param(&self.browse(url.as_str(), cookie), "code").expect("a code")
    }
}

fn location(reply: &Reply) -> &str {
    reply.header("location").unwrap_or("")
}

fn query_param(url: &str, name: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()?
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn token_form(p: &Provider, id: &str, secret: &str, form: &str) -> Reply {
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    p.app.post_form(
        "/oauth2/token",
        Auth::None,
        &[("Authorization", &format!("Basic {basic}"))],
        form,
    )
}

fn introspect(p: &Provider, id: &str, secret: &str, token: &str) -> Value {
    p.app
        .post_form(
            "/oauth2/introspect",
            Auth::None,
            &[],
            &format!("client_id={id}&client_secret={secret}&token={token}"),
        )
        .json()
}

#[test]
fn a_relying_party_signs_a_person_in_with_code_pkce_and_consent() {
    let p = Provider::new();
    let org = p
        .app
        .post_json(
            "/api/admin/v1/orgs",
            Auth::Bearer(&p.admin),
            &json!({"name": "Ops"}),
        )
        .json();
    let org_id = org["data"]["id"].as_str().unwrap().to_owned();
    let (id, secret) = p.confidential("Grafana", json!({}));
    let user = p
        .app
        .create_user("oidc-alice", Some("alice-password-1"), false);
    let put = p.app.request(
        "PUT",
        &format!("/api/admin/v1/orgs/{org_id}/members/{user}"),
        Auth::Bearer(&p.admin),
        &[("Content-Type", "application/json")],
        Some(r#"{"role":"editor"}"#),
    );
    assert!(put.status < 300, "{}", put.body);
    let cookie = p.app.login("oidc-alice", "alice-password-1");

    let client = p.client(&id, Some(&secret));
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, csrf, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("profile".into()))
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("groups".into()))
        .add_scope(Scope::new("offline_access".into()))
        .set_pkce_challenge(challenge)
        .url();
    let back = p.browse(url.as_str(), &cookie);
    assert!(back.starts_with(REDIRECT), "{back}");
    assert_eq!(
        query_param(&back, "state").as_deref(),
        Some(csrf.secret().as_str())
    );
    let code = query_param(&back, "code").expect("a code");

    let tokens = client
        .exchange_code(AuthorizationCode::new(code.clone()))
        .unwrap()
        .set_pkce_verifier(verifier)
        .request(&http_client)
        .expect("token exchange");
    // The library checks the signature against the JWKS, iss, aud, exp and the nonce.
    let id_token = tokens.id_token().expect("an ID token");
    let claims = id_token
        .claims(&client.id_token_verifier(), &nonce)
        .expect("a valid ID token");
    assert_eq!(claims.subject().as_str(), user);
    assert_eq!(claims.preferred_username().unwrap().as_str(), "oidc-alice");
    assert!(claims.auth_time().is_some());
    let raw: Value = {
        use base64::Engine;
        let payload = id_token.to_string().split('.').nth(1).unwrap().to_owned();
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(raw["groups"], json!(["Ops"]));
    assert_eq!(raw["org_roles"]["Ops"], "editor");

    let info: CoreUserInfoClaims = client
        .user_info(tokens.access_token().clone(), None)
        .unwrap()
        .request(&http_client)
        .expect("userinfo");
    assert_eq!(info.subject().as_str(), user);

    // Second sign-in: consent remembered, no consent page.
    let (url, _, _) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("profile".into()))
        .url();
    let direct = p.app.get(
        url.as_str().strip_prefix(&p.app.base).unwrap(),
        Auth::Cookie(&cookie),
    );
    assert!(
        location(&direct).starts_with(REDIRECT),
        "{}",
        location(&direct)
    );

    // Refresh rotates; the old refresh token presented again revokes the grant.
    let first_refresh = tokens
        .refresh_token()
        .expect("offline_access gives a refresh token")
        .clone();
    let refreshed = client
        .exchange_refresh_token(&first_refresh)
        .unwrap()
        .request(&http_client)
        .expect("refresh");
    let second_refresh = refreshed.refresh_token().unwrap().clone();
    assert_ne!(second_refresh.secret(), first_refresh.secret());
    assert_eq!(
        introspect(&p, &id, &secret, refreshed.access_token().secret())["active"],
        true
    );
    let reuse = client
        .exchange_refresh_token(&first_refresh)
        .unwrap()
        .request(&http_client);
    assert!(reuse.is_err(), "a rotated refresh token is refused");
    let after_reuse = token_form(
        &p,
        &id,
        &secret,
        &format!(
            "grant_type=refresh_token&refresh_token={}",
            second_refresh.secret()
        ),
    );
    assert_eq!(
        after_reuse.json()["error"],
        "invalid_grant",
        "reuse revoked the whole grant"
    );
    assert_eq!(
        introspect(&p, &id, &secret, refreshed.access_token().secret())["active"],
        false
    );
    let userinfo = p.app.get(
        "/oauth2/userinfo",
        Auth::Bearer(refreshed.access_token().secret()),
    );
    assert_eq!(userinfo.status, 401);
    assert!(userinfo
        .header("www-authenticate")
        .unwrap()
        .contains("invalid_token"));

    // The code was single use: replaying it is invalid_grant.
    let replay = token_form(
        &p,
        &id,
        &secret,
        &format!(
            "grant_type=authorization_code&code={code}&redirect_uri={}",
            urlencoding::encode(REDIRECT)
        ),
    );
    assert_eq!(replay.status, 400);
    assert_eq!(replay.json()["error"], "invalid_grant");

    // The person's own grant list, and the audit trail of the consent.
    let grants = p
        .app
        .get(
            &format!("/api/admin/v1/users/{user}/grants"),
            Auth::Bearer(&p.admin),
        )
        .json();
    assert!(grants["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["attributes"]["application_id"] == id.as_str()));
    let audit = p
        .app
        .get(
            "/api/admin/v1/audit-log?filter[action]=application.consent",
            Auth::Bearer(&p.admin),
        )
        .json();
    assert_eq!(audit["meta"]["count"], 1, "{audit}");
}

#[test]
fn a_replayed_code_revokes_the_tokens_issued_from_it() {
    let p = Provider::new();
    let (id, secret) = p.confidential("Wiki", json!({"skip_consent": true}));
    p.app
        .create_user("oidc-bob", Some("bob-password-12"), false);
    let cookie = p.app.login("oidc-bob", "bob-password-12");
    let client = p.client(&id, Some(&secret));
    let code = p.code_for(&client, &cookie);
    let form = format!(
        "grant_type=authorization_code&code={code}&redirect_uri={}",
        urlencoding::encode(REDIRECT)
    );
    let first = token_form(&p, &id, &secret, &form);
    assert_eq!(first.status, 200, "{}", first.body);
    let access = first.json()["access_token"].as_str().unwrap().to_owned();
    assert_eq!(
        p.app.get("/oauth2/userinfo", Auth::Bearer(&access)).status,
        200
    );
    let second = token_form(&p, &id, &secret, &form);
    assert_eq!(second.json()["error"], "invalid_grant");
    assert_eq!(
        p.app.get("/oauth2/userinfo", Auth::Bearer(&access)).status,
        401
    );
    // A wrong secret is invalid_client (401), and no code leaks to another client.
    let wrong = token_form(&p, &id, "ghs_wrong", &form);
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.json()["error"], "invalid_client");
}

#[test]
fn bad_requests_get_an_error_page_or_an_error_redirect() {
    let p = Provider::new();
    let (id, _) =
        p.register(json!({"name": "CLI", "client_type": "public", "redirect_uris": [REDIRECT]}));
    p.app
        .create_user("oidc-carol", Some("carol-password-1"), false);
    let cookie = p.app.login("oidc-carol", "carol-password-1");
    let enc = urlencoding::encode(REDIRECT);
    // Unknown client, foreign redirect URI: a page, never a redirect.
    for query in [
        format!("client_id=01JD0000000000000000000000&redirect_uri={enc}&response_type=code&scope=openid"),
        format!("client_id={id}&redirect_uri={}&response_type=code&scope=openid", urlencoding::encode("https://evil.example/cb")),
        format!("client_id={id}&response_type=code&scope=openid"),
    ] {
        let reply = p.app.get(&format!("/oauth2/authorize?{query}"), Auth::Cookie(&cookie));
        assert_eq!(reply.status, 400, "{query}");
        assert!(reply.header("location").is_none());
        assert!(reply.body.contains("Cannot sign in"));
    }
    // A public client without PKCE, plain PKCE, a bad response type: back with an error.
    for (query, error) in [
        (format!("client_id={id}&redirect_uri={enc}&response_type=code&scope=openid&state=s1"), "invalid_request"),
        (format!("client_id={id}&redirect_uri={enc}&response_type=code&scope=openid&state=s1&code_challenge={}&code_challenge_method=plain", "a".repeat(43)), "invalid_request"),
        (format!("client_id={id}&redirect_uri={enc}&response_type=token&scope=openid&state=s1"), "unsupported_response_type"),
        (format!("client_id={id}&redirect_uri={enc}&response_type=code&scope=nothing&state=s1&code_challenge={}&code_challenge_method=S256", "a".repeat(43)), "invalid_scope"),
    ] {
        let reply = p.app.get(&format!("/oauth2/authorize?{query}"), Auth::Cookie(&cookie));
        assert_eq!(reply.status, 303, "{query}");
        assert_eq!(query_param(location(&reply), "error").as_deref(), Some(error), "{query}");
        assert_eq!(query_param(location(&reply), "state").as_deref(), Some("s1"));
    }
    // prompt=none without a session: login_required; with one but no consent yet: consent_required.
    let challenge = format!(
        "code_challenge={}&code_challenge_method=S256",
        "a".repeat(43)
    );
    let none = format!("/oauth2/authorize?client_id={id}&redirect_uri={enc}&response_type=code&scope=openid&prompt=none&{challenge}");
    let anonymous = p.app.get(&none, Auth::None);
    assert_eq!(
        query_param(location(&anonymous), "error").as_deref(),
        Some("login_required")
    );
    let signed_in = p.app.get(&none, Auth::Cookie(&cookie));
    assert_eq!(
        query_param(location(&signed_in), "error").as_deref(),
        Some("consent_required")
    );
    // Not signed in: the login page, which then continues the request.
    let login = p.app.get(
        &none.replace("&prompt=none", "&login_hint=oidc-carol"),
        Auth::None,
    );
    assert!(
        location(&login).starts_with("/login?reauth=1&next=%2Foauth2%2Fauthorize%2Fcontinue"),
        "{}",
        location(&login)
    );
    assert!(location(&login).ends_with("&username=oidc-carol"));
}

#[test]
fn the_device_grant_waits_slows_down_and_issues_once_approved() {
    let p = Provider::new();
    let (id, _) =
        p.register(json!({"name": "gh-cli", "client_type": "public", "redirect_uris": [REDIRECT]}));
    p.app
        .create_user("oidc-dave", Some("dave-password-1"), false);
    let cookie = p.app.login("oidc-dave", "dave-password-1");
    let start = p.app.post_form(
        "/oauth2/device_authorization",
        Auth::None,
        &[],
        &format!("client_id={id}&scope=openid%20profile"),
    );
    assert_eq!(start.status, 200, "{}", start.body);
    let start = start.json();
    let device_code = start["device_code"].as_str().unwrap().to_owned();
    let user_code = start["user_code"].as_str().unwrap().to_owned();
    assert!(start["verification_uri"]
        .as_str()
        .unwrap()
        .ends_with("/device"));
    let poll = || {
        p.app.post_form("/oauth2/token", Auth::None, &[], &format!(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id={id}&device_code={device_code}"))
    };
    assert_eq!(poll().json()["error"], "authorization_pending");
    assert_eq!(poll().json()["error"], "slow_down", "polled again at once");

    // A wrong code is refused on the page; the right one (typed loosely) is shown for approval.
    let wrong = p
        .app
        .post_form("/device", Auth::Cookie(&cookie), &[], "user_code=BBBB-BBBB");
    assert_eq!(wrong.status, 422);
    let typed = user_code.to_lowercase().replace('-', " ");
    let confirm = p.app.post_form(
        "/device",
        Auth::Cookie(&cookie),
        &[],
        &format!("user_code={}", urlencoding::encode(&typed)),
    );
    assert_eq!(confirm.status, 200, "{}", confirm.body);
    assert!(confirm.body.contains("gh-cli"));
    let approved = p.app.post_form(
        "/device",
        Auth::Cookie(&cookie),
        &[],
        &format!("user_code={user_code}&decision=allow"),
    );
    assert_eq!(approved.status, 200, "{}", approved.body);

    let issued = poll();
    assert_eq!(issued.status, 200, "{}", issued.body);
    let access = issued.json()["access_token"].as_str().unwrap().to_owned();
    let info = p.app.get("/oauth2/userinfo", Auth::Bearer(&access)).json();
    assert_eq!(info["preferred_username"], "oidc-dave");
    assert_eq!(
        poll().json()["error"],
        "invalid_grant",
        "a device code issues once"
    );
}

#[test]
fn grants_die_with_their_users_standing() {
    let p = Provider::new();
    let org = p
        .app
        .post_json(
            "/api/admin/v1/orgs",
            Auth::Bearer(&p.admin),
            &json!({"name": "Staff"}),
        )
        .json();
    let org_id = org["data"]["id"].as_str().unwrap().to_owned();
    let (id, secret) = p.confidential(
        "Internal",
        json!({"skip_consent": true,
        "access": {"orgs": [{"org_id": org_id, "min_role": "viewer"}]}}),
    );
    let user = p
        .app
        .create_user("oidc-erin", Some("erin-password-1"), false);
    let outsider = p
        .app
        .create_user("oidc-frank", Some("frank-password-1"), false);
    let member = |uid: &str| {
        p.app.request(
            "PUT",
            &format!("/api/admin/v1/orgs/{org_id}/members/{uid}"),
            Auth::Bearer(&p.admin),
            &[("Content-Type", "application/json")],
            Some(r#"{"role":"viewer"}"#),
        )
    };
    assert!(member(&user).status < 300);
    let client = p.client(&id, Some(&secret));
    let sign_in = |username: &str, password: &str| -> (String, Option<String>) {
        let cookie = p.app.login(username, password);
        let (url, _, _) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("offline_access".into()))
            .url();
        let back = p.browse_or_refused(url.as_str(), &cookie);
        let Some(code) = query_param(&back, "code") else {
            return (back, None);
        };
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .unwrap()
            .request(&http_client)
            .expect("tokens");
        (
            tokens.access_token().secret().clone(),
            tokens.refresh_token().map(|r| r.secret().clone()),
        )
    };
    // A non-member is refused: the application gets access_denied.
    let (back, none) = sign_in("oidc-frank", "frank-password-1");
    assert!(none.is_none());
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied"),
        "{back}"
    );
    let _ = outsider;

    let dead = |access: &str, refresh: &str| {
        let refreshed = client
            .exchange_refresh_token(&RefreshToken::new(refresh.into()))
            .unwrap()
            .request(&http_client);
        let inactive = introspect(&p, &id, &secret, access)["active"] == false;
        let userinfo = p.app.get("/oauth2/userinfo", Auth::Bearer(access)).status;
        refreshed.is_err() && inactive && userinfo == 401
    };
    // Removed from the organisation the application requires.
    let (access, refresh) = sign_in("oidc-erin", "erin-password-1");
    let refresh = refresh.unwrap();
    assert!(!dead(&access, &refresh));
    let removed = p.app.request(
        "DELETE",
        &format!("/api/admin/v1/orgs/{org_id}/members/{user}"),
        Auth::Bearer(&p.admin),
        &[],
        None,
    );
    assert!(removed.status < 300);
    assert!(dead(&access, &refresh), "membership lost");
    assert!(member(&user).status < 300);
    // Locked.
    let (access, refresh) = sign_in("oidc-erin", "erin-password-1");
    let refresh = refresh.unwrap();
    assert_eq!(
        p.app
            .request(
                "POST",
                &format!("/api/admin/v1/users/{user}/lock"),
                Auth::Bearer(&p.admin),
                &[],
                None
            )
            .status,
        200
    );
    assert!(dead(&access, &refresh), "locked");
    assert_eq!(
        p.app
            .request(
                "POST",
                &format!("/api/admin/v1/users/{user}/unlock"),
                Auth::Bearer(&p.admin),
                &[],
                None
            )
            .status,
        200
    );
    // Logged out everywhere.
    let (access, refresh) = sign_in("oidc-erin", "erin-password-1");
    let refresh = refresh.unwrap();
    let logout = p.app.request(
        "POST",
        &format!("/api/admin/v1/users/{user}/logout"),
        Auth::Bearer(&p.admin),
        &[],
        None,
    );
    assert!(logout.status < 300, "{}", logout.body);
    assert!(dead(&access, &refresh), "logged out everywhere");
    // The grant revoked by the person (or an admin).
    let (access, refresh) = sign_in("oidc-erin", "erin-password-1");
    let refresh = refresh.unwrap();
    let grants = p
        .app
        .get(
            &format!("/api/admin/v1/users/{user}/grants"),
            Auth::Bearer(&p.admin),
        )
        .json();
    let grant = grants["data"][0]["id"].as_str().unwrap().to_owned();
    let revoke = p.app.request(
        "DELETE",
        &format!("/api/admin/v1/users/{user}/grants/{grant}"),
        Auth::Bearer(&p.admin),
        &[],
        None,
    );
    assert_eq!(revoke.status, 204);
    assert!(dead(&access, &refresh), "grant revoked");
    // Deleted.
    let (access, refresh) = sign_in("oidc-erin", "erin-password-1");
    let refresh = refresh.unwrap();
    assert_eq!(
        p.app
            .request(
                "DELETE",
                &format!("/api/admin/v1/users/{user}"),
                Auth::Bearer(&p.admin),
                &[],
                None
            )
            .status,
        204
    );
    assert!(dead(&access, &refresh), "deleted");
}

#[test]
fn rp_initiated_logout_ends_the_session_and_returns_to_a_registered_address() {
    let p = Provider::new();
    let (id, secret) = p.confidential("Portal", json!({"skip_consent": true}));
    p.app
        .create_user("oidc-gina", Some("gina-password-1"), false);
    let cookie = p.app.login("oidc-gina", "gina-password-1");
    let client = p.client(&id, Some(&secret));
    let code = p.code_for(&client, &cookie);
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .request(&http_client)
        .unwrap();
    let hint = tokens.id_token().unwrap().to_string();
    let foreign = p.app.get(
        &format!(
            "/oauth2/logout?id_token_hint={hint}&post_logout_redirect_uri={}",
            urlencoding::encode("https://evil.example/")
        ),
        Auth::Cookie(&cookie),
    );
    assert_eq!(foreign.status, 400);
    // Without a hint the person confirms first.
    let ask = p.app.get("/oauth2/logout", Auth::Cookie(&cookie));
    assert_eq!(ask.status, 200);
    assert!(ask.body.contains("Sign out?"));
    assert_eq!(p.app.get("/api/auth/me", Auth::Cookie(&cookie)).status, 200);
    let out = p.app.get(
        &format!(
            "/oauth2/logout?id_token_hint={hint}&state=xyz&post_logout_redirect_uri={}",
            urlencoding::encode("http://rp.example/bye")
        ),
        Auth::Cookie(&cookie),
    );
    assert_eq!(out.status, 303, "{}", out.body);
    assert_eq!(location(&out), "http://rp.example/bye?state=xyz");
    assert_eq!(
        p.app
            .get(
                "/oauth2/userinfo",
                Auth::Bearer(tokens.access_token().secret())
            )
            .status,
        401,
        "the grant ended with the session it came from"
    );
}

#[test]
fn applications_are_managed_over_the_admin_api() {
    let p = Provider::new();
    let bad = p.app.post_json("/api/admin/v1/applications", Auth::Bearer(&p.admin),
        &json!({"name": " ", "redirect_uris": ["javascript:alert(1)", "https://x.example/#frag"], "id_token_signed_response_alg": "none"}));
    assert_eq!(bad.status, 422, "{}", bad.body);
    let codes: Vec<String> = bad.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect();
    for code in ["name_required", "redirect_uri_invalid", "alg_unsupported"] {
        assert!(codes.iter().any(|c| c == code), "{codes:?}");
    }
    let unknown_org = p.app.post_json("/api/admin/v1/applications", Auth::Bearer(&p.admin),
        &json!({"name": "A", "redirect_uris": [REDIRECT], "access": {"orgs": [{"org_id": "01JD0000000000000000000000"}]}}));
    assert_eq!(unknown_org.status, 400);
    assert_eq!(unknown_org.json()["errors"][0]["code"], "org_not_found");

    let (id, secret) = p.confidential("Gitea", json!({"id_token_signed_response_alg": "ES256"}));
    assert_eq!(
        p.app
            .post_json(
                "/api/admin/v1/applications",
                Auth::Bearer(&p.admin),
                &json!({"name": "gitea", "redirect_uris": [REDIRECT]})
            )
            .status,
        409
    );
    let list = p
        .app
        .get("/api/admin/v1/applications", Auth::Bearer(&p.admin))
        .json();
    assert_eq!(list["data"][0]["attributes"]["name"], "Gitea");
    assert!(
        !list.to_string().contains(&secret),
        "never a secret in a list"
    );
    let patched = p.app.request(
        "PATCH",
        &format!("/api/admin/v1/applications/{id}"),
        Auth::Bearer(&p.admin),
        &[("Content-Type", "application/json")],
        Some(r#"{"skip_consent": true, "name": "Gitea CI"}"#),
    );
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(patched.json()["data"]["attributes"]["skip_consent"], true);
    let rotated = p.app.request(
        "POST",
        &format!("/api/admin/v1/applications/{id}/rotate-secret"),
        Auth::Bearer(&p.admin),
        &[],
        None,
    );
    assert_eq!(rotated.status, 200);
    let new_secret = rotated.json()["meta"]["client_secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let old = p.app.post_form(
        "/oauth2/introspect",
        Auth::None,
        &[],
        &format!("client_id={id}&client_secret={secret}&token=x"),
    );
    assert_eq!(old.status, 401, "the old secret stopped working");
    let new = p.app.post_form(
        "/oauth2/introspect",
        Auth::None,
        &[],
        &format!("client_id={id}&client_secret={new_secret}&token=x"),
    );
    assert_eq!(new.json()["active"], false);
    // The JWKS publishes all three keys; none has a private part.
    let jwks = p.app.get("/oauth2/jwks", Auth::None).json();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 3);
    assert!(jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .all(|k| k.get("d").is_none()));
    let member = p
        .app
        .create_user("oidc-henry", Some("henry-password-1"), false);
    let member_token = p.app.token_for(&member, &[]);
    assert_eq!(
        p.app
            .get("/api/admin/v1/applications", Auth::Bearer(&member_token))
            .status,
        403
    );
    let admin_id = p.app.create_user("oidc-ivy", None, true);
    assert_eq!(
        p.app
            .get(
                &format!("/api/admin/v1/users/{admin_id}/grants"),
                Auth::Bearer(&member_token)
            )
            .status,
        403,
        "nobody else's grants"
    );
    assert_eq!(
        p.app
            .request(
                "DELETE",
                &format!("/api/admin/v1/applications/{id}"),
                Auth::Bearer(&p.admin),
                &[],
                None
            )
            .status,
        204
    );
    assert_eq!(
        p.app
            .get(
                &format!("/api/admin/v1/applications/{id}"),
                Auth::Bearer(&p.admin)
            )
            .status,
        404
    );
}

impl Provider {
    /// [`Provider::browse`] that also accepts the refusal page, following
    /// its way back to the application.
    fn browse_or_refused(&self, url: &str, cookie: &str) -> String {
        let path = url.strip_prefix(&self.app.base).expect("our own URL");
        let reply = self.app.get(path, Auth::Cookie(cookie));
        if reply.status == 403 {
            let marker = "class=\"button\" href=\"";
            let start = reply.body.find(marker).expect("a way back") + marker.len();
            let end = start + reply.body[start..].find('"').unwrap();
            return reply.body[start..end].replace("&amp;", "&");
        }
        assert_eq!(reply.status, 303, "{}", reply.body);
        location(&reply).to_owned()
    }
}

#[test]
fn applications_are_declared_in_the_provisioning_file() {
    let var = format!("GH_TEST_APP_SECRET_{}", gatehouse::server::time::new_id());
    std::env::set_var(&var, "provisioned-app-secret-0123");
    let dir = std::env::temp_dir().join(format!(
        "gatehouse-prov-app-{}",
        gatehouse::server::time::new_id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("provisioning.toml");
    let text = |skip: bool| {
        format!(
            "[[orgs]]\nname = \"Builders\"\n\n[[applications]]\nname = \"Jenkins\"\nsecret_env = \"{var}\"\n\
             redirect_uris = [\"{REDIRECT}\"]\nskip_consent = {skip}\naccess = [{{ org = \"Builders\", min_role = \"editor\" }}]\n"
        )
    };
    std::fs::write(&file, text(false)).unwrap();
    let path = file.clone();
    let app = spawn_provider_with(move |c| c.provisioning_file = Some(path));
    let admin = app.admin_token();
    let list = app
        .get("/api/admin/v1/applications", Auth::Bearer(&admin))
        .json();
    let attrs = &list["data"][0]["attributes"];
    assert_eq!(attrs["name"], "Jenkins");
    assert_eq!(attrs["provisioned"], true);
    assert_eq!(attrs["access"]["orgs"][0]["min_role"], "editor");
    let id = attrs["client_id"].as_str().unwrap().to_owned();
    // The secret from the environment authenticates the client.
    let ok = app.post_form(
        "/oauth2/introspect",
        Auth::None,
        &[],
        &format!("client_id={id}&client_secret=provisioned-app-secret-0123&token=x"),
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    // Reloading the same file changes nothing; a changed one changes that field only.
    let reload = |expect: &str| {
        let jenkins = reported(&app.reload_provisioning(&admin), "application");
        assert_eq!(jenkins["outcome"], expect, "{jenkins}");
        jenkins
    };
    reload("unchanged");
    std::fs::write(&file, text(true)).unwrap();
    assert_eq!(reload("changed")["changes"], json!(["skip_consent"]));
    std::fs::write(
        &file,
        text(true).replace("Builders\", min_role", "Nowhere\", min_role"),
    )
    .unwrap();
    let broken = app.reload_provisioning(&admin);
    assert_eq!(
        broken.status, 422,
        "an unknown organisation is refused: {}",
        broken.body
    );
}

#[test]
fn rotated_keys_sign_new_tokens_while_the_old_ones_stay_published() {
    let p = Provider::new();
    let (id, secret) = p.confidential("Rotator", json!({"skip_consent": true}));
    p.app
        .create_user("oidc-kim", Some("kim-password-12"), false);
    let cookie = p.app.login("oidc-kim", "kim-password-12");
    let sign_in = || {
        let client = p.client(&id, Some(&secret));
        let (url, _, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .url();
        let code = query_param(&p.browse(url.as_str(), &cookie), "code").unwrap();
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .unwrap()
            .request(&http_client)
            .unwrap();
        let id_token = tokens.id_token().unwrap().clone();
        (client, id_token, nonce)
    };
    let (_, old_token, old_nonce) = sign_in();
    let kids = |jwks: &Value| -> Vec<String> {
        jwks["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["kid"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = kids(&p.app.get("/oauth2/jwks", Auth::None).json());
    let rotated = p
        .app
        .rt
        .block_on(gatehouse::server::ops::oidc::rotate_keys(
            &p.app.state,
            &gatehouse::server::ops::Caller::system(),
        ))
        .unwrap();
    assert_eq!(rotated.len(), 3);
    let after = kids(&p.app.get("/oauth2/jwks", Auth::None).json());
    assert_eq!(after.len(), 6, "old and new keys are published");
    assert!(before.iter().all(|k| after.contains(k)));
    let (client, new_token, new_nonce) = sign_in();
    let kid_of = |token: &str| -> String {
        use base64::Engine;
        let header = token.split('.').next().unwrap();
        let header: Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(header)
                .unwrap(),
        )
        .unwrap();
        header["kid"].as_str().unwrap().to_owned()
    };
    assert!(
        !before.contains(&kid_of(&new_token.to_string())),
        "new tokens use a new key"
    );
    // Both verify against the published keys.
    assert!(new_token
        .claims(&client.id_token_verifier(), &new_nonce)
        .is_ok());
    assert!(old_token
        .claims(&client.id_token_verifier(), &old_nonce)
        .is_ok());
    let audit = p
        .app
        .get(
            "/api/admin/v1/audit-log?filter[action]=signing_keys.rotate",
            Auth::Bearer(&p.admin),
        )
        .json();
    assert_eq!(audit["meta"]["count"], 1);
}

#[test]
fn prompt_login_and_max_age_ask_for_a_fresh_login_once() {
    let p = Provider::new();
    let (id, _) = p.confidential("Strict", json!({"skip_consent": true}));
    p.app
        .create_user("oidc-lee", Some("lee-password-12"), false);
    let cookie = p.app.login("oidc-lee", "lee-password-12");
    let enc = urlencoding::encode(REDIRECT);
    for extra in ["prompt=login", "max_age=0"] {
        let url = format!("/oauth2/authorize?client_id={id}&redirect_uri={enc}&response_type=code&scope=openid&{extra}");
        let first = p.app.get(&url, Auth::Cookie(&cookie));
        let login = location(&first).to_owned();
        assert!(
            login.starts_with("/login?reauth=1&next="),
            "{extra}: {login}"
        );
        // The login page shows although the browser is signed in.
        assert_eq!(
            p.app.get(&login, Auth::Cookie(&cookie)).status,
            200,
            "{extra}"
        );
        let next = query_param(&format!("http://x{login}"), "next").unwrap();
        let fresh = p.app.login("oidc-lee", "lee-password-12");
        let back = p.app.get(&next, Auth::Cookie(&fresh));
        assert!(
            location(&back).starts_with(REDIRECT),
            "{extra}: {}",
            location(&back)
        );
        assert!(query_param(location(&back), "code").is_some());
    }
}

#[test]
fn the_token_endpoint_answers_each_rfc_error() {
    let p = Provider::new();
    let (id, secret) = p.confidential("Errors", json!({"skip_consent": true}));
    let (public_id, _) = p.register(
        json!({"name": "Errors CLI", "client_type": "public", "redirect_uris": [REDIRECT]}),
    );
    p.app
        .create_user("oidc-mia", Some("mia-password-12"), false);
    let cookie = p.app.login("oidc-mia", "mia-password-12");
    let error = |reply: &Reply| {
        reply.json()["error"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };

    assert_eq!(
        error(&token_form(
            &p,
            &id,
            &secret,
            "grant_type=password&username=a&password=b"
        )),
        "unsupported_grant_type"
    );
    assert_eq!(
        error(&token_form(
            &p,
            &id,
            &secret,
            "grant_type=authorization_code"
        )),
        "invalid_request"
    );
    assert_eq!(
        error(&token_form(
            &p,
            &id,
            &secret,
            "grant_type=authorization_code&code=ghc_unknown&redirect_uri=x"
        )),
        "invalid_grant"
    );
    let public_with_secret = token_form(
        &p,
        &public_id,
        "anything",
        "grant_type=refresh_token&refresh_token=x",
    );
    assert_eq!(
        (public_with_secret.status, error(&public_with_secret)),
        (401, "invalid_client".into())
    );

    // A refresh may narrow the scopes, never widen them.
    let client = p.client(&id, Some(&secret));
    let (url, _, _) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("offline_access".into()))
        .url();
    let code = query_param(&p.browse(url.as_str(), &cookie), "code").unwrap();
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .request(&http_client)
        .unwrap();
    let refresh = tokens.refresh_token().unwrap().secret().clone();
    let wider = token_form(
        &p,
        &id,
        &secret,
        &format!("grant_type=refresh_token&refresh_token={refresh}&scope=openid%20email"),
    );
    assert_eq!(error(&wider), "invalid_scope");

    // Revoking an access token ends it alone; unknown tokens are a quiet 200.
    let access = tokens.access_token().secret().clone();
    let revoke = |token: &str| {
        p.app.post_form(
            "/oauth2/revoke",
            Auth::None,
            &[],
            &format!("client_id={id}&client_secret={secret}&token={token}"),
        )
    };
    assert_eq!(revoke(&access).status, 200);
    assert_eq!(
        p.app.get("/oauth2/userinfo", Auth::Bearer(&access)).status,
        401
    );
    assert_eq!(revoke("gha_unknown").status, 200);
    assert_eq!(
        introspect(&p, &id, &secret, &refresh)["active"],
        true,
        "the grant lives on"
    );
    // Introspection is for confidential clients only.
    let by_public = p.app.post_form(
        "/oauth2/introspect",
        Auth::None,
        &[],
        &format!("client_id={public_id}&token={refresh}"),
    );
    assert_eq!(by_public.status, 401);

    // A device the person refuses gets access_denied.
    let start = p
        .app
        .post_form(
            "/oauth2/device_authorization",
            Auth::None,
            &[],
            &format!("client_id={public_id}"),
        )
        .json();
    let user_code = start["user_code"].as_str().unwrap();
    let denied = p.app.post_form(
        "/device",
        Auth::Cookie(&cookie),
        &[],
        &format!("user_code={user_code}&decision=deny"),
    );
    assert_eq!(denied.status, 200);
    let poll = p.app.post_form("/oauth2/token", Auth::None, &[], &format!(
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id={public_id}&device_code={}",
        start["device_code"].as_str().unwrap()));
    assert_eq!(error(&poll), "access_denied");
}
