//! `[[applications]]` of the provisioning file: OpenID Connect clients
//! declared as code, the secret of a confidential one read from the
//! environment (like `[[oauth2_clients]]`), and sites behind the
//! forward-auth gate (`kind = "forward_auth"`, `hosts`); who may sign in by
//! organisation name.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::{line_of, Problems, DUPLICATE, INVALID, MIN_SECRET_CHARS};
use crate::{
    model::{org, validate, ApplicationKind, ClientType, FieldError, OrgRole},
    server::{
        auth::token::hash_secret,
        db::provisioning::WantedApplication,
        ops::applications::{
            hosts_overlap, valid_alg, valid_hosts, valid_name, valid_prefixes, valid_uris,
        },
    },
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ApplicationEntry {
    /// The client id to keep (a ULID); else the application is found by name.
    id: Option<Spanned<String>>,
    /// `oidc` (the default) or `forward_auth`.
    kind: Option<Spanned<String>>,
    name: Spanned<String>,
    client_type: Option<Spanned<String>>,
    secret_env: Option<Spanned<String>>,
    redirect_uris: Option<Spanned<Vec<String>>>,
    hosts: Option<Spanned<Vec<String>>>,
    path_prefixes: Option<Spanned<Vec<String>>>,
    allow_bearer_tokens: Option<bool>,
    #[serde(default)]
    post_logout_redirect_uris: Option<Spanned<Vec<String>>>,
    skip_consent: Option<bool>,
    id_token_signed_response_alg: Option<Spanned<String>>,
    #[serde(default)]
    access: Vec<AccessEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccessEntry {
    org: Spanned<String>,
    min_role: Option<Spanned<String>>,
}

/// Reports a problem of one entry (span, code, message).
type Report<'a> = dyn FnMut(std::ops::Range<usize>, &str, String, &mut Problems) + 'a;

/// Checks the entries; organisations they name that the file does not
/// create go to `referenced` (they must exist).
pub(super) fn check(
    entries: &[ApplicationEntry],
    p: &mut Problems,
    org_names: &HashSet<String>,
    referenced: &mut HashMap<String, (String, u64)>,
    env: &impl Fn(&str) -> Option<String>,
    out: &mut Vec<WantedApplication>,
) {
    let mut keys = HashSet::new();
    // Sites already checked: (name, hosts, path prefixes).
    let mut sites: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    for entry in entries {
        let shown = entry.name.get_ref().trim().to_owned();
        let mut ok = true;
        let mut report =
            |span: std::ops::Range<usize>, code: &str, message: String, p: &mut Problems| {
                ok = false;
                p.add(span, code, format!("application '{shown}': {message}"));
            };
        let mut errors = Vec::new();
        let name = valid_name(entry.name.get_ref(), &mut errors);
        for e in errors.drain(..) {
            report(entry.name.span(), INVALID, e.message, p);
        }
        let key = match &entry.id {
            Some(id) => format!("id:{}", id.get_ref()),
            None => format!("name:{}", name.to_lowercase()),
        };
        if !keys.insert(key) {
            report(entry.name.span(), DUPLICATE, "listed twice".into(), p);
        }
        let id = match &entry.id {
            Some(id) if !validate::is_ulid(id.get_ref()) => {
                report(
                    id.span(),
                    INVALID,
                    format!("id '{}' is not a client id (a ULID)", id.get_ref()),
                    p,
                );
                None
            }
            other => other.as_ref().map(|id| id.get_ref().clone()),
        };
        let kind = match &entry.kind {
            None => ApplicationKind::Oidc,
            Some(raw) => ApplicationKind::parse(raw.get_ref()).unwrap_or_else(|| {
                report(
                    raw.span(),
                    INVALID,
                    "kind is oidc or forward_auth".into(),
                    p,
                );
                ApplicationKind::Oidc
            }),
        };
        let fields = match kind {
            ApplicationKind::ForwardAuth => {
                let site = site_fields(entry, &mut report, p);
                for (other, hosts, prefixes) in &sites {
                    if let Some(host) =
                        hosts_overlap(&site.hosts, &site.path_prefixes, hosts, prefixes)
                    {
                        let message = format!("'{host}' is already protected by '{other}'");
                        report(entry.name.span(), DUPLICATE, message, p);
                    }
                }
                sites.push((name.clone(), site.hosts.clone(), site.path_prefixes.clone()));
                site
            }
            ApplicationKind::Oidc => client_fields(entry, &mut report, p, env),
        };
        let access = access_rules(entry, &mut report, p, org_names, referenced);
        if ok {
            out.push(WantedApplication {
                id,
                name,
                access,
                ..fields
            });
        }
    }
}

/// The fields of a forward-auth site (the OpenID Connect ones refused).
fn site_fields(
    entry: &ApplicationEntry,
    report: &mut Report,
    p: &mut Problems,
) -> WantedApplication {
    let foreign = [
        ("client_type", entry.client_type.as_ref().map(|v| v.span())),
        ("secret_env", entry.secret_env.as_ref().map(|v| v.span())),
        (
            "redirect_uris",
            entry.redirect_uris.as_ref().map(|v| v.span()),
        ),
        (
            "post_logout_redirect_uris",
            entry.post_logout_redirect_uris.as_ref().map(|v| v.span()),
        ),
        (
            "id_token_signed_response_alg",
            entry
                .id_token_signed_response_alg
                .as_ref()
                .map(|v| v.span()),
        ),
    ];
    for (key, span) in foreign {
        if let Some(span) = span {
            report(
                span,
                INVALID,
                format!("{key} is not used by a forward_auth site"),
                p,
            );
        }
    }
    let hosts = checked_list(entry.hosts.as_ref(), valid_hosts, report, p).unwrap_or_else(|| {
        report(
            entry.name.span(),
            INVALID,
            "a forward_auth site needs hosts".into(),
            p,
        );
        Vec::new()
    });
    let path_prefixes =
        checked_list(entry.path_prefixes.as_ref(), valid_prefixes, report, p).unwrap_or_default();
    WantedApplication {
        kind: ApplicationKind::ForwardAuth,
        client_type: ClientType::Public,
        hosts,
        path_prefixes,
        allow_bearer_tokens: entry.allow_bearer_tokens.unwrap_or(false),
        id_token_alg: "RS256".into(),
        ..WantedApplication::default()
    }
}

/// The fields of an OpenID Connect client (the forward-auth ones refused).
fn client_fields(
    entry: &ApplicationEntry,
    report: &mut Report,
    p: &mut Problems,
    env: &impl Fn(&str) -> Option<String>,
) -> WantedApplication {
    for (key, span) in [
        ("hosts", entry.hosts.as_ref().map(|v| v.span())),
        (
            "path_prefixes",
            entry.path_prefixes.as_ref().map(|v| v.span()),
        ),
        (
            "allow_bearer_tokens",
            entry.allow_bearer_tokens.map(|_| entry.name.span()),
        ),
    ] {
        if let Some(span) = span {
            report(
                span,
                INVALID,
                format!("{key} is only for kind = \"forward_auth\""),
                p,
            );
        }
    }
    let client_type = match &entry.client_type {
        None => ClientType::Confidential,
        Some(raw) => ClientType::parse(raw.get_ref()).unwrap_or_else(|| {
            report(
                raw.span(),
                INVALID,
                "client_type is confidential or public".into(),
                p,
            );
            ClientType::Confidential
        }),
    };
    let secret_hash = client_secret(entry, client_type, report, p, env);
    let redirect_uris = match &entry.redirect_uris {
        Some(uris) if uris.get_ref().is_empty() => {
            report(
                uris.span(),
                INVALID,
                "give at least one redirect URI".into(),
                p,
            );
            Vec::new()
        }
        Some(_) => checked_list(
            entry.redirect_uris.as_ref(),
            |raw, errors| valid_uris("redirect_uris", raw, errors),
            report,
            p,
        )
        .unwrap_or_default(),
        None => {
            report(
                entry.name.span(),
                INVALID,
                "an OpenID Connect client needs redirect_uris".into(),
                p,
            );
            Vec::new()
        }
    };
    let post_logout_redirect_uris = checked_list(
        entry.post_logout_redirect_uris.as_ref(),
        |raw, errors| valid_uris("post_logout_redirect_uris", raw, errors),
        report,
        p,
    )
    .unwrap_or_default();
    let alg_entry = entry.id_token_signed_response_alg.as_ref();
    let mut errors = Vec::new();
    let id_token_alg = valid_alg(alg_entry.map(|a| a.get_ref().as_str()), &mut errors);
    for e in errors {
        let span = alg_entry.map_or(entry.name.span(), |a| a.span());
        report(span, INVALID, e.message, p);
    }
    WantedApplication {
        kind: ApplicationKind::Oidc,
        client_type,
        secret_hash,
        redirect_uris,
        post_logout_redirect_uris,
        skip_consent: entry.skip_consent.unwrap_or(false),
        id_token_alg,
        ..WantedApplication::default()
    }
}

/// SHA-256 of a confidential client's secret, read from `secret_env`.
fn client_secret(
    entry: &ApplicationEntry,
    client_type: ClientType,
    report: &mut Report,
    p: &mut Problems,
    env: &impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let problem = match (client_type, &entry.secret_env) {
        (ClientType::Public, None) => return None,
        (ClientType::Public, Some(var)) => (
            var.span(),
            "a public client has no secret (remove secret_env)".to_owned(),
        ),
        (ClientType::Confidential, None) => (
            entry.name.span(),
            "a confidential client needs secret_env".to_owned(),
        ),
        (ClientType::Confidential, Some(var)) => match env(var.get_ref()) {
            Some(secret) if secret.chars().count() >= MIN_SECRET_CHARS => {
                return Some(hash_secret(&secret))
            }
            Some(_) => (
                var.span(),
                format!(
                    "the secret in {} is shorter than {MIN_SECRET_CHARS} characters",
                    var.get_ref()
                ),
            ),
            None => (
                var.span(),
                format!(
                    "the environment variable {} is not set or empty",
                    var.get_ref()
                ),
            ),
        },
    };
    report(problem.0, INVALID, problem.1, p);
    None
}

/// A list the file may give, checked by `valid`; `None` when absent.
fn checked_list(
    list: Option<&Spanned<Vec<String>>>,
    valid: impl FnOnce(&[String], &mut Vec<FieldError>) -> Vec<String>,
    report: &mut Report,
    p: &mut Problems,
) -> Option<Vec<String>> {
    let list = list?;
    let mut errors = Vec::new();
    let checked = valid(list.get_ref(), &mut errors);
    for e in errors {
        report(list.span(), INVALID, e.message, p);
    }
    Some(checked)
}

/// Who may sign in: (organisation name, least role) per rule; organisations
/// the file does not create go to `referenced`.
fn access_rules(
    entry: &ApplicationEntry,
    report: &mut Report,
    p: &mut Problems,
    org_names: &HashSet<String>,
    referenced: &mut HashMap<String, (String, u64)>,
) -> Vec<(String, OrgRole)> {
    let mut access = Vec::new();
    for rule in &entry.access {
        let org_name = match org::name(rule.org.get_ref()) {
            Ok(n) => n,
            Err(e) => {
                report(
                    rule.org.span(),
                    INVALID,
                    format!("organisation: {}", e.message),
                    p,
                );
                continue;
            }
        };
        let role = match &rule.min_role {
            None => OrgRole::Viewer,
            Some(r) => match OrgRole::parse(r.get_ref()) {
                Some(role) => role,
                None => {
                    report(
                        r.span(),
                        INVALID,
                        format!("min_role '{}' is not viewer, editor or admin", r.get_ref()),
                        p,
                    );
                    continue;
                }
            },
        };
        let key = org_name.to_lowercase();
        if !org_names.contains(&key) {
            referenced
                .entry(key)
                .or_insert_with(|| (org_name.clone(), line_of(p.text, rule.org.span())));
        }
        access.push((org_name, role));
    }
    access
}
