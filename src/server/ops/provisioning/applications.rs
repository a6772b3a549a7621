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
    model::{org, validate, ApplicationKind, ClientType, OrgRole},
    server::{
        auth::token::hash_secret,
        db::provisioning::WantedApplication,
        ops::applications::{valid_alg, valid_hosts, valid_name, valid_prefixes, valid_uris},
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
        if kind == ApplicationKind::ForwardAuth {
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
            let hosts = match &entry.hosts {
                Some(hosts) => {
                    let valid = valid_hosts(hosts.get_ref(), &mut errors);
                    for e in errors.drain(..) {
                        report(hosts.span(), INVALID, e.message, p);
                    }
                    valid
                }
                None => {
                    report(
                        entry.name.span(),
                        INVALID,
                        "a forward_auth site needs hosts".into(),
                        p,
                    );
                    Vec::new()
                }
            };
            let path_prefixes = match &entry.path_prefixes {
                Some(prefixes) => {
                    let valid = valid_prefixes(prefixes.get_ref(), &mut errors);
                    for e in errors.drain(..) {
                        report(prefixes.span(), INVALID, e.message, p);
                    }
                    valid
                }
                None => Vec::new(),
            };
            let access = access_rules(entry, &mut report, p, org_names, referenced);
            if ok {
                out.push(WantedApplication {
                    id,
                    kind,
                    name,
                    client_type: ClientType::Public,
                    secret_hash: None,
                    redirect_uris: Vec::new(),
                    post_logout_redirect_uris: Vec::new(),
                    skip_consent: false,
                    id_token_alg: "RS256".into(),
                    hosts,
                    path_prefixes,
                    allow_bearer_tokens: entry.allow_bearer_tokens.unwrap_or(false),
                    access,
                });
            }
            continue;
        }
        for (key, span) in [
            ("hosts", entry.hosts.as_ref().map(|v| v.span())),
            (
                "path_prefixes",
                entry.path_prefixes.as_ref().map(|v| v.span()),
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
        if entry.allow_bearer_tokens.is_some() {
            report(
                entry.name.span(),
                INVALID,
                "allow_bearer_tokens is only for kind = \"forward_auth\"".into(),
                p,
            );
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
        let secret_hash = match (client_type, &entry.secret_env) {
            (ClientType::Public, Some(var)) => {
                report(
                    var.span(),
                    INVALID,
                    "a public client has no secret (remove secret_env)".into(),
                    p,
                );
                None
            }
            (ClientType::Public, None) => None,
            (ClientType::Confidential, None) => {
                report(
                    entry.name.span(),
                    INVALID,
                    "a confidential client needs secret_env".into(),
                    p,
                );
                None
            }
            (ClientType::Confidential, Some(var)) => match env(var.get_ref()) {
                Some(secret) if secret.chars().count() >= MIN_SECRET_CHARS => {
                    Some(hash_secret(&secret))
                }
                Some(_) => {
                    report(
                        var.span(),
                        INVALID,
                        format!(
                            "the secret in {} is shorter than {MIN_SECRET_CHARS} characters",
                            var.get_ref()
                        ),
                        p,
                    );
                    None
                }
                None => {
                    report(
                        var.span(),
                        INVALID,
                        format!(
                            "the environment variable {} is not set or empty",
                            var.get_ref()
                        ),
                        p,
                    );
                    None
                }
            },
        };
        let redirect_uris = match &entry.redirect_uris {
            Some(uris) => {
                let valid = valid_uris("redirect_uris", uris.get_ref(), &mut errors);
                if uris.get_ref().is_empty() {
                    report(
                        uris.span(),
                        INVALID,
                        "give at least one redirect URI".into(),
                        p,
                    );
                }
                for e in errors.drain(..) {
                    report(uris.span(), INVALID, e.message, p);
                }
                valid
            }
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
        let logout_uris = match &entry.post_logout_redirect_uris {
            None => Vec::new(),
            Some(list) => {
                let uris = valid_uris("post_logout_redirect_uris", list.get_ref(), &mut errors);
                for e in errors.drain(..) {
                    report(list.span(), INVALID, e.message, p);
                }
                uris
            }
        };
        let alg = valid_alg(
            entry
                .id_token_signed_response_alg
                .as_ref()
                .map(|a| a.get_ref().as_str()),
            &mut errors,
        );
        for e in errors.drain(..) {
            let span = entry
                .id_token_signed_response_alg
                .as_ref()
                .map(|a| a.span())
                .unwrap_or(entry.name.span());
            report(span, INVALID, e.message, p);
        }
        let access = access_rules(entry, &mut report, p, org_names, referenced);
        if ok {
            out.push(WantedApplication {
                id,
                kind,
                name,
                client_type,
                secret_hash,
                redirect_uris,
                post_logout_redirect_uris: logout_uris,
                skip_consent: entry.skip_consent.unwrap_or(false),
                id_token_alg: alg,
                hosts: Vec::new(),
                path_prefixes: Vec::new(),
                allow_bearer_tokens: false,
                access,
            });
        }
    }
}

/// Who may sign in: (organisation name, least role) per rule; organisations
/// the file does not create go to `referenced`.
fn access_rules(
    entry: &ApplicationEntry,
    report: &mut impl FnMut(std::ops::Range<usize>, &str, String, &mut Problems),
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
