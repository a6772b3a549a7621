//! Applications that sign their users in through Gatehouse: create, edit,
//! rotate the secret, delete; who may sign in to them; and the grants users
//! gave them (listed and revoked by the user or an administrator).

use serde_json::json;

use super::{Access, Caller};
use crate::{
    model::{
        application::{APP_NAME_MAX_CHARS, MAX_APP_URIS},
        AppAccess, AppError, Application, ApplicationCreated, ApplicationKind, ApplicationPatch,
        ClientType, FieldError, NewApplication, OrgRole, UserGrant,
    },
    server::{
        auth::token::{generate_secret_with, hash_secret},
        db::{self, applications::AppRow, oidc::UserGrantRow},
        oidc::keys::ALGORITHMS,
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

pub const CLIENT_SECRET_PREFIX: &str = "ghs_";

pub(crate) fn json_list(raw: &str) -> Vec<String> {
    serde_json::from_str(raw).unwrap_or_default()
}

/// The access rule stored with an application (an unreadable one admits
/// nobody rather than everybody).
pub fn stored_access(raw: &str) -> AppAccess {
    serde_json::from_str(raw).unwrap_or_else(|_| AppAccess {
        orgs: vec![crate::model::OrgAccess {
            org_id: String::new(),
            min_role: OrgRole::Admin,
        }],
    })
}

pub fn redirect_uris(row: &AppRow) -> Vec<String> {
    json_list(&row.redirect_uris)
}

pub fn post_logout_redirect_uris(row: &AppRow) -> Vec<String> {
    json_list(&row.post_logout_redirect_uris)
}

pub fn to_model(row: &AppRow) -> Application {
    Application {
        id: row.id.clone(),
        kind: ApplicationKind::parse(&row.kind).unwrap_or_default(),
        name: row.name.clone(),
        client_id: row.id.clone(),
        client_type: ClientType::parse(&row.client_type).unwrap_or_default(),
        redirect_uris: redirect_uris(row),
        post_logout_redirect_uris: post_logout_redirect_uris(row),
        skip_consent: row.skip_consent,
        id_token_signed_response_alg: row.id_token_alg.clone(),
        access: stored_access(&row.access),
        hosts: json_list(&row.hosts),
        path_prefixes: json_list(&row.path_prefixes),
        allow_bearer_tokens: row.allow_bearer_tokens,
        provisioned: row.provisioned,
        created_at: rfc3339(row.created_at),
        updated_at: rfc3339(row.updated_at),
        last_sign_in_at: row.last_sign_in_at.map(rfc3339),
        active_grants: row.active_grants.max(0) as u64,
    }
}

fn grant_model(row: UserGrantRow) -> UserGrant {
    UserGrant {
        id: row.id,
        user_id: row.user_id,
        application_id: row.application_id,
        application_name: row.application_name,
        scopes: row.scopes.split_whitespace().map(str::to_owned).collect(),
        created_at: rfc3339(row.created_at),
        last_used_at: rfc3339(row.last_used_at),
    }
}

pub fn not_found(id: &str) -> AppError {
    AppError::NotFound(format!("no application with id {id}"))
}

fn name_taken(name: &str) -> AppError {
    AppError::conflict(
        "application_name_taken",
        Some("name"),
        format!("An application named '{name}' already exists."),
    )
}

pub(crate) fn valid_name(raw: &str, errors: &mut Vec<FieldError>) -> String {
    let name = raw.trim().to_owned();
    if name.is_empty() {
        errors.push(FieldError::new("name", "name_required", "Enter a name."));
    } else if name.chars().count() > APP_NAME_MAX_CHARS {
        errors.push(FieldError::new(
            "name",
            "name_too_long",
            format!("At most {APP_NAME_MAX_CHARS} characters."),
        ));
    }
    name
}

/// An exact redirect URI: absolute, no fragment, http(s) or a private-use
/// scheme of a native app (`com.example.app:/callback`, RFC 8252).
pub fn check_redirect_uri(raw: &str) -> Result<(), String> {
    if raw.len() > 2000 {
        return Err("longer than 2000 characters".into());
    }
    let url = url::Url::parse(raw).map_err(|e| format!("not an absolute URI ({e})"))?;
    if url.fragment().is_some() {
        return Err("must not contain a fragment (#)".into());
    }
    match url.scheme() {
        "https" | "http" if url.host().is_some() => Ok(()),
        "https" | "http" => Err("needs a host".into()),
        scheme if scheme.contains('.') => Ok(()),
        scheme => Err(format!(
            "the scheme '{scheme}' is neither http(s) nor an app's reverse domain name"
        )),
    }
}

pub(crate) fn valid_uris(
    field: &str,
    uris: &[String],
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    if uris.len() > MAX_APP_URIS {
        errors.push(FieldError::new(
            field,
            "too_many_uris",
            format!("At most {MAX_APP_URIS} URIs."),
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, uri) in uris.iter().enumerate() {
        let uri = uri.trim();
        if let Err(why) = check_redirect_uri(uri) {
            errors.push(FieldError::new(
                &format!("{field}/{i}"),
                "redirect_uri_invalid",
                format!("'{uri}': {why}."),
            ));
        } else if !out.iter().any(|u| u == uri) {
            out.push(uri.to_owned());
        }
    }
    out
}

pub(crate) fn valid_alg(raw: Option<&str>, errors: &mut Vec<FieldError>) -> String {
    let alg = raw.unwrap_or("RS256");
    if !ALGORITHMS.contains(&alg) {
        errors.push(FieldError::new(
            "id_token_signed_response_alg",
            "alg_unsupported",
            format!("One of {}.", ALGORITHMS.join(", ")),
        ));
    }
    alg.to_owned()
}

/// Each organisation of the rule exists (400 naming the field otherwise).
async fn check_access(state: &AppState, access: &AppAccess) -> Result<(), AppError> {
    for (i, rule) in access.orgs.iter().enumerate() {
        if db::orgs::get(&state.db, &rule.org_id).await?.is_none() {
            return Err(AppError::bad_reference(
                "org_not_found",
                &format!("access/orgs/{i}/org_id"),
                format!("no organisation with id {}", rule.org_id),
            ));
        }
    }
    Ok(())
}

/// Forward auth: the hosts, each canonical (lower case, ASCII, no trailing
/// dot) and once; at least one.
pub(crate) fn valid_hosts(raw: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    use super::forward_auth::hosts::HostPattern;
    if raw.is_empty() {
        errors.push(FieldError::new(
            "hosts",
            "hosts_required",
            "Give at least one host.",
        ));
    } else if raw.len() > MAX_APP_URIS {
        errors.push(FieldError::new(
            "hosts",
            "too_many_hosts",
            format!("At most {MAX_APP_URIS} hosts."),
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, host) in raw.iter().enumerate() {
        match HostPattern::parse(host) {
            Ok(pattern) => {
                let pattern = pattern.to_string();
                if !out.contains(&pattern) {
                    out.push(pattern);
                }
            }
            Err(why) => errors.push(FieldError::new(
                &format!("hosts/{i}"),
                "host_invalid",
                format!("'{}': {why}", host.trim()),
            )),
        }
    }
    out
}

/// Forward auth: the path prefixes, normalised and once (empty: all paths).
pub(crate) fn valid_prefixes(raw: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    use super::forward_auth::hosts::parse_prefix;
    if raw.len() > MAX_APP_URIS {
        errors.push(FieldError::new(
            "path_prefixes",
            "too_many_prefixes",
            format!("At most {MAX_APP_URIS} path prefixes."),
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, prefix) in raw.iter().enumerate() {
        match parse_prefix(prefix) {
            Ok(prefix) if prefix == "/" => {}
            Ok(prefix) => {
                if !out.contains(&prefix) {
                    out.push(prefix);
                }
            }
            Err(why) => errors.push(FieldError::new(
                &format!("path_prefixes/{i}"),
                "path_prefix_invalid",
                format!("'{}': {why}", prefix.trim()),
            )),
        }
    }
    out
}

/// Fields that belong to the other kind of application must not be set.
fn refuse_foreign_fields(
    kind: ApplicationKind,
    input: &NewApplication,
    errors: &mut Vec<FieldError>,
) {
    let mut foreign = |set: bool, field: &str| {
        if set {
            errors.push(FieldError::new(
                field,
                "field_not_for_kind",
                format!("Not used by an application of kind \"{}\".", kind.as_str()),
            ));
        }
    };
    match kind {
        ApplicationKind::Oidc => {
            foreign(!input.hosts.is_empty(), "hosts");
            foreign(!input.path_prefixes.is_empty(), "path_prefixes");
            foreign(input.allow_bearer_tokens, "allow_bearer_tokens");
        }
        ApplicationKind::ForwardAuth => {
            foreign(!input.redirect_uris.is_empty(), "redirect_uris");
            foreign(
                !input.post_logout_redirect_uris.is_empty(),
                "post_logout_redirect_uris",
            );
            foreign(input.client_type.is_some(), "client_type");
            foreign(input.skip_consent, "skip_consent");
            foreign(
                input.id_token_signed_response_alg.is_some(),
                "id_token_signed_response_alg",
            );
        }
    }
}

/// A checked new application as a row, with its secret (confidential).
pub async fn new_row(
    state: &AppState,
    input: NewApplication,
    created_by: &str,
    provisioned: bool,
) -> Result<(AppRow, Option<String>), AppError> {
    let mut errors = Vec::new();
    let kind = input.kind.unwrap_or_default();
    refuse_foreign_fields(kind, &input, &mut errors);
    let name = valid_name(&input.name, &mut errors);
    let (mut redirect_uris, mut logout_uris, mut hosts, mut prefixes) = Default::default();
    match kind {
        ApplicationKind::Oidc => {
            redirect_uris = valid_uris("redirect_uris", &input.redirect_uris, &mut errors);
            if input.redirect_uris.is_empty() {
                errors.push(FieldError::new(
                    "redirect_uris",
                    "redirect_uris_required",
                    "Give at least one redirect URI.",
                ));
            }
            logout_uris = valid_uris(
                "post_logout_redirect_uris",
                &input.post_logout_redirect_uris,
                &mut errors,
            );
        }
        ApplicationKind::ForwardAuth => {
            hosts = valid_hosts(&input.hosts, &mut errors);
            prefixes = valid_prefixes(&input.path_prefixes, &mut errors);
        }
    }
    let alg = valid_alg(input.id_token_signed_response_alg.as_deref(), &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let access = input.access.unwrap_or_default();
    check_access(state, &access).await?;
    let client_type = match kind {
        ApplicationKind::Oidc => input.client_type.unwrap_or_default(),
        // Nothing to authenticate as: the gate is asked by the proxy.
        ApplicationKind::ForwardAuth => ClientType::Public,
    };
    let secret = (client_type == ClientType::Confidential)
        .then(|| generate_secret_with(CLIENT_SECRET_PREFIX));
    let now = now_ms();
    let row = AppRow {
        id: new_id(),
        kind: kind.as_str().into(),
        name,
        client_type: client_type.as_str().into(),
        redirect_uris: json!(redirect_uris).to_string(),
        post_logout_redirect_uris: json!(logout_uris).to_string(),
        skip_consent: input.skip_consent,
        id_token_alg: alg,
        access: json!(access).to_string(),
        hosts: json!(hosts).to_string(),
        path_prefixes: json!(prefixes).to_string(),
        allow_bearer_tokens: input.allow_bearer_tokens,
        provisioned,
        created_at: now,
        created_by: created_by.into(),
        updated_at: now,
        last_sign_in_at: None,
        active_grants: 0,
    };
    check_hosts_free(state, &row).await?;
    Ok((row, secret))
}

/// Two forward-auth applications must not claim the same host and path:
/// the gate could not tell whose rule applies (409).
async fn check_hosts_free(state: &AppState, row: &AppRow) -> Result<(), AppError> {
    if row.kind != ApplicationKind::ForwardAuth.as_str() {
        return Ok(());
    }
    let (hosts, prefixes) = (json_list(&row.hosts), json_list(&row.path_prefixes));
    for other in db::applications::list(&state.db).await? {
        if other.id == row.id || other.kind != row.kind {
            continue;
        }
        let (other_hosts, other_prefixes) =
            (json_list(&other.hosts), json_list(&other.path_prefixes));
        if let Some(host) = hosts_overlap(&hosts, &prefixes, &other_hosts, &other_prefixes) {
            return Err(AppError::conflict(
                "host_taken",
                Some("hosts"),
                format!(
                    "'{host}' is already protected by the application '{}'.",
                    other.name
                ),
            ));
        }
    }
    Ok(())
}

/// The host two sites both claim on a common path (the same prefixes, or
/// one prefix in both), if any.
pub(crate) fn hosts_overlap<'a>(
    hosts: &[String],
    prefixes: &[String],
    other_hosts: &'a [String],
    other_prefixes: &[String],
) -> Option<&'a str> {
    let same_paths =
        prefixes == other_prefixes || prefixes.iter().any(|p| other_prefixes.contains(p));
    other_hosts
        .iter()
        .find(|h| same_paths && hosts.contains(h))
        .map(String::as_str)
}

pub async fn create(
    state: &AppState,
    caller: &Caller,
    input: NewApplication,
) -> Result<ApplicationCreated, AppError> {
    caller.require(crate::model::Op::ManageApplications)?;
    caller.require_recent_verification()?;
    let (row, secret) = new_row(state, input, &caller.username, false).await?;
    let audit = caller.audit(
        "application.create",
        "application",
        Some(&row.id),
        json!({"name": row.name, "client_type": row.client_type,
               "redirect_uris": redirect_uris(&row), "access": stored_access(&row.access)}),
    );
    let digest = secret.as_deref().map(hash_secret);
    match db::applications::insert(&state.db, &row, digest.as_deref(), Some(&audit)).await {
        Ok(()) => {
            state.live.access_changed().await;
            Ok(ApplicationCreated {
                application: to_model(&row),
                client_secret: secret,
            })
        }
        Err(e) if db::is_unique_violation(&e) => Err(name_taken(&row.name)),
        Err(e) => Err(e.into()),
    }
}

pub async fn list(state: &AppState, caller: &Caller) -> Result<Vec<Application>, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    Ok(db::applications::list(&state.db)
        .await?
        .iter()
        .map(to_model)
        .collect())
}

async fn existing(state: &AppState, id: &str) -> Result<AppRow, AppError> {
    db::applications::get(&state.db, id)
        .await?
        .ok_or_else(|| not_found(id))
}

pub async fn get(state: &AppState, caller: &Caller, id: &str) -> Result<Application, AppError> {
    caller.require(crate::model::Op::ReadServer)?;
    existing(state, id).await.map(|row| to_model(&row))
}

/// Applies `patch` to `row`: the checked row, and what changed (for the audit).
pub async fn patched(
    state: &AppState,
    mut row: AppRow,
    patch: ApplicationPatch,
) -> Result<(AppRow, serde_json::Value), AppError> {
    let mut errors = Vec::new();
    let mut changed = serde_json::Map::new();
    if let Some(name) = &patch.name {
        row.name = valid_name(name, &mut errors);
        changed.insert("name".into(), json!(row.name));
    }
    if let Some(uris) = &patch.redirect_uris {
        let uris = valid_uris("redirect_uris", uris, &mut errors);
        if uris.is_empty() {
            errors.push(FieldError::new(
                "redirect_uris",
                "redirect_uris_required",
                "Give at least one redirect URI.",
            ));
        }
        row.redirect_uris = json!(uris).to_string();
        changed.insert("redirect_uris".into(), json!(uris));
    }
    if let Some(uris) = &patch.post_logout_redirect_uris {
        let uris = valid_uris("post_logout_redirect_uris", uris, &mut errors);
        row.post_logout_redirect_uris = json!(uris).to_string();
        changed.insert("post_logout_redirect_uris".into(), json!(uris));
    }
    if let Some(skip) = patch.skip_consent {
        row.skip_consent = skip;
        changed.insert("skip_consent".into(), json!(skip));
    }
    if let Some(alg) = &patch.id_token_signed_response_alg {
        row.id_token_alg = valid_alg(Some(alg), &mut errors);
        changed.insert("id_token_signed_response_alg".into(), json!(alg));
    }
    if let Some(hosts) = &patch.hosts {
        let hosts = valid_hosts(hosts, &mut errors);
        row.hosts = json!(hosts).to_string();
        changed.insert("hosts".into(), json!(hosts));
    }
    if let Some(prefixes) = &patch.path_prefixes {
        let prefixes = valid_prefixes(prefixes, &mut errors);
        row.path_prefixes = json!(prefixes).to_string();
        changed.insert("path_prefixes".into(), json!(prefixes));
    }
    if let Some(allow) = patch.allow_bearer_tokens {
        row.allow_bearer_tokens = allow;
        changed.insert("allow_bearer_tokens".into(), json!(allow));
    }
    let kind = ApplicationKind::parse(&row.kind).unwrap_or_default();
    let foreign = match kind {
        ApplicationKind::Oidc => [
            ("hosts", patch.hosts.is_some()),
            ("path_prefixes", patch.path_prefixes.is_some()),
            ("allow_bearer_tokens", patch.allow_bearer_tokens.is_some()),
        ],
        ApplicationKind::ForwardAuth => [
            ("redirect_uris", patch.redirect_uris.is_some()),
            (
                "post_logout_redirect_uris",
                patch.post_logout_redirect_uris.is_some(),
            ),
            (
                "id_token_signed_response_alg",
                patch.id_token_signed_response_alg.is_some(),
            ),
        ],
    };
    for (field, _) in foreign.iter().filter(|(_, set)| *set) {
        errors.push(FieldError::new(
            field,
            "field_not_for_kind",
            format!("Not used by an application of kind \"{}\".", kind.as_str()),
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if let Some(access) = &patch.access {
        check_access(state, access).await?;
        row.access = json!(access).to_string();
        changed.insert("access".into(), json!(access));
    }
    row.updated_at = now_ms();
    check_hosts_free(state, &row).await?;
    Ok((row, serde_json::Value::Object(changed)))
}

pub async fn update(
    state: &AppState,
    caller: &Caller,
    id: &str,
    patch: ApplicationPatch,
) -> Result<Application, AppError> {
    caller.require(crate::model::Op::ManageApplications)?;
    let (row, changed) = patched(state, existing(state, id).await?, patch).await?;
    let audit = caller.audit("application.update", "application", Some(id), changed);
    match db::applications::update(&state.db, &row, Some(&audit)).await {
        Ok(true) => {
            state.live.access_changed().await;
            get(state, caller, id).await
        }
        Ok(false) => Err(not_found(id)),
        Err(e) if db::is_unique_violation(&e) => Err(name_taken(&row.name)),
        Err(e) => Err(e.into()),
    }
}

/// A new secret for a confidential client; the old one stops working now.
pub async fn rotate_secret(
    state: &AppState,
    caller: &Caller,
    id: &str,
) -> Result<ApplicationCreated, AppError> {
    caller.require(crate::model::Op::ManageApplications)?;
    let row = existing(state, id).await?;
    if row.client_type != ClientType::Confidential.as_str() {
        return Err(AppError::conflict(
            "public_client",
            None,
            "A public client has no secret to rotate.",
        ));
    }
    let secret = generate_secret_with(CLIENT_SECRET_PREFIX);
    let audit = caller.audit(
        "application.rotate_secret",
        "application",
        Some(id),
        json!({"name": row.name}),
    );
    if !db::applications::set_secret(&state.db, id, &hash_secret(&secret), now_ms(), &audit).await?
    {
        return Err(not_found(id));
    }
    // The old secret stops working on every instance now.
    state.live.access_changed().await;
    Ok(ApplicationCreated {
        application: to_model(&existing(state, id).await?),
        client_secret: Some(secret),
    })
}

/// Deletes the application; every grant and token it had dies with it.
pub async fn delete(state: &AppState, caller: &Caller, id: &str) -> Result<(), AppError> {
    caller.require(crate::model::Op::ManageApplications)?;
    let row = existing(state, id).await?;
    let audit = caller.audit(
        "application.delete",
        "application",
        Some(id),
        json!({"name": row.name, "active_grants": row.active_grants}),
    );
    if db::applications::delete(&state.db, id, Some(&audit)).await? {
        state.live.access_changed().await;
        Ok(())
    } else {
        Err(not_found(id))
    }
}

/// Whose grants a caller may see and revoke: their own, or anyone's for
/// roles allowing it.
fn require_user_or_admin(caller: &Caller, user_id: &str, access: Access) -> Result<(), AppError> {
    match caller.require_own(access) {
        Ok(own) if own == user_id => Ok(()),
        _ => caller.require(match access {
            Access::Read => crate::model::Op::ReadUsers,
            Access::Write => crate::model::Op::ManageTokens,
        }),
    }
}

pub async fn user_grants(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
) -> Result<Vec<UserGrant>, AppError> {
    require_user_or_admin(caller, user_id, Access::Read)?;
    if db::users::by_id(&state.db, user_id).await?.is_none() {
        return Err(AppError::NotFound(format!("no user with id {user_id}")));
    }
    Ok(db::oidc::user_grants(&state.db, user_id)
        .await?
        .into_iter()
        .map(grant_model)
        .collect())
}

/// Revokes one grant of a user (its tokens stop working at once) and
/// forgets the consent, so the next sign-in asks again.
pub async fn revoke_grant(
    state: &AppState,
    caller: &Caller,
    user_id: &str,
    grant_id: &str,
) -> Result<(), AppError> {
    require_user_or_admin(caller, user_id, Access::Write)?;
    let not_found = || AppError::NotFound(format!("no grant with id {grant_id}"));
    let grant = db::oidc::user_grants(&state.db, user_id)
        .await?
        .into_iter()
        .find(|g| g.id == grant_id)
        .ok_or_else(not_found)?;
    let audit = caller.audit(
        "grant.revoke",
        "user",
        Some(user_id),
        json!({"grant_id": grant.id, "application_id": grant.application_id,
               "application": grant.application_name}),
    );
    db::oidc::revoke_user_app(&state.db, user_id, &grant.application_id, now_ms(), &audit).await?;
    Ok(())
}
