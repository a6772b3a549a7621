//! The server's error messages in the reader's language.
//!
//! Errors travel in English (the REST API and scripts read them so); the
//! panel shows them translated, chosen by their stable `code`. A message is
//! translated only when the server's English text is exactly the English
//! message here: a code whose text carries a value (a name, a limit) or that
//! has several texts keeps the ones we do not know in English, so nothing the
//! server said is ever lost or replaced by a different sentence.

use super::Language;
use crate::t;

/// One message: its text in a given language.
type Message = fn(Language) -> String;

/// `message` in `language` when the server's text is its English version;
/// the server's text otherwise.
fn known(language: Language, fallback: &str, messages: &[Message]) -> Option<String> {
    messages
        .iter()
        .find(|message| message(Language::En) == fallback)
        .map(|message| message(language))
}

/// The panel's text for an error with this `code`, whose English text (as
/// the server sent it) is `fallback`.
pub fn error_text(language: Language, code: &str, fallback: &str) -> String {
    let messages: &[Message] = match code {
        // Accounts.
        "username_required" => &[|l| t!(l; "error-username-required")],
        "username_too_long" => &[|l| t!(l; "error-username-too-long")],
        "username_invalid" => &[
            |l| t!(l; "error-username-lowercase"),
            |l| t!(l; "error-username-characters"),
            |l| t!(l; "error-username-start"),
        ],
        "display_name_too_long" => &[|l| t!(l; "error-display-name-too-long")],
        "display_name_invalid" => &[|l| t!(l; "error-display-name-invalid")],
        "email_invalid" => &[|l| t!(l; "error-email-invalid")],
        "password_required" => &[|l| t!(l; "error-password-required")],
        "password_too_long" => &[|l| t!(l; "error-password-too-long")],
        "password_is_username" => &[|l| t!(l; "error-password-is-username")],
        "password_too_common" => &[|l| t!(l; "error-password-too-common")],
        "password_unchanged" => &[|l| t!(l; "error-password-unchanged")],
        "password_mismatch" => &[|l| t!(l; "error-password-mismatch")],
        "wrong_password" => &[|l| t!(l; "error-wrong-password")],
        "language_unknown" => &[|l| t!(l; "error-language-unknown")],
        "cannot_modify_self" => &[|l| t!(l; "error-cannot-modify-self-admin")],
        "last_admin" => &[
            |l| t!(l; "error-last-admin-import"),
            |l| t!(l; "error-last-admin-file"),
        ],
        // Organisations.
        "name_empty" => &[|l| t!(l; "error-name-empty")],
        "name_required" => &[|l| t!(l; "error-name-required")],
        "role_invalid" => &[|l| t!(l; "error-role-invalid")],
        "role_without_org" => &[|l| t!(l; "error-role-without-org")],
        // Contacts and messages.
        "subscription_invalid" => &[|l| t!(l; "error-subscription-invalid")],
        "group_invalid" => &[|l| t!(l; "error-group-empty")],
        "contact_required" => &[|l| t!(l; "error-contact-required")],
        "contact_is_self" => &[|l| t!(l; "error-contact-is-self")],
        "body_empty" => &[|l| t!(l; "error-body-empty")],
        "body_invalid" => &[|l| t!(l; "error-body-invalid")],
        "recipients_empty" => &[|l| t!(l; "error-recipients-empty")],
        // Applications.
        "hosts_required" => &[|l| t!(l; "error-hosts-required")],
        "redirect_uris_required" => &[|l| t!(l; "error-redirect-uris-required")],
        "public_client" => &[|l| t!(l; "error-public-client")],
        // Registration and tokens.
        "token_invalid" => &[|l| t!(l; "error-token-invalid")],
        "token_used_up" => &[|l| t!(l; "error-token-used-up")],
        "token_expired" => &[|l| t!(l; "error-token-expired")],
        "token_revoked" => &[|l| t!(l; "error-token-revoked")],
        "token_required" => &[|l| t!(l; "error-token-required")],
        "registration_closed" => &[|l| t!(l; "error-registration-closed")],
        "uses_allowed_invalid" => &[
            |l| t!(l; "error-whole-number"),
            |l| t!(l; "error-uses-allowed-negative"),
        ],
        "length_invalid" => &[|l| t!(l; "error-whole-number")],
        "expiry_invalid" => &[
            |l| t!(l; "error-expiry-past"),
            |l| t!(l; "error-expiry-date-time"),
            |l| t!(l; "error-expiry-date"),
            |l| t!(l; "error-expiry-rfc3339"),
        ],
        // User import.
        "username_duplicate" => &[|l| t!(l; "error-username-duplicate")],
        "username_missing" => &[|l| t!(l; "error-username-missing")],
        "password_and_hash" => &[|l| t!(l; "error-password-and-hash")],
        "admin_invalid" => &[|l| t!(l; "error-admin-invalid")],
        // Jobs, settings, access.
        "jobs_paused" => &[|l| t!(l; "error-jobs-paused")],
        "provisioning_not_configured" => &[|l| t!(l; "error-provisioning-not-configured")],
        "tls_required" => &[|l| t!(l; "error-tls-required")],
        "session_required" => &[|l| t!(l; "error-session-required")],
        // Second factors.
        "second_factor_required" => &[
            |l| t!(l; "error-second-factor-required"),
            |l| t!(l; "error-second-factor-last"),
        ],
        "step_up_required" => &[|l| t!(l; "error-step-up-required")],
        "second_factor_enrolled" => &[|l| t!(l; "error-second-factor-enrolled")],
        "code_invalid" => &[
            |l| t!(l; "error-code-invalid"),
            |l| t!(l; "error-code-mismatch"),
        ],
        "setup_expired" => &[|l| t!(l; "error-setup-expired")],
        "passkey_invalid" => &[|l| t!(l; "error-passkey-invalid")],
        "ceremony_expired" => &[|l| t!(l; "error-ceremony-expired")],
        "passkeys_unavailable" => &[|l| t!(l; "error-passkeys-unavailable")],
        "passkey_registered" => &[|l| t!(l; "error-passkey-registered")],
        "no_second_factor" => &[|l| t!(l; "error-no-second-factor")],
        "password_wrong" => &[|l| t!(l; "error-password-wrong")],
        "credential_required" => &[|l| t!(l; "error-credential-required")],
        // Mail.
        "email_not_configured" => &[|l| t!(l; "error-email-not-configured")],
        "email_already_verified" => &[|l| t!(l; "error-email-already-verified")],
        "email_missing" => &[|l| t!(l; "error-email-missing")],
        "email_required" => &[
            |l| t!(l; "error-email-required"),
            |l| t!(l; "error-email-required-invite"),
        ],
        "link_invalid" => &[|l| t!(l; "error-link-invalid")],
        "valid_days_out_of_range" => &[|l| t!(l; "error-valid-days")],
        // Errors of their own kind (`AppError::code`).
        "unauthenticated" => &[|l| t!(l; "error-unauthenticated")],
        "invalid_credentials" => &[|l| t!(l; "error-invalid-credentials")],
        "password_change_required" => &[|l| t!(l; "error-password-change-required")],
        "forbidden" => &[|l| t!(l; "error-administrator-rights-required")],
        "internal_error" => &[|l| t!(l; "error-internal")],
        _ => &[],
    };
    known(language, fallback, messages).unwrap_or_else(|| fallback.to_owned())
}

/// Every code [`error_text`] knows a message for.
pub const TRANSLATED: &[&str] = &[
    "username_required",
    "username_too_long",
    "username_invalid",
    "display_name_too_long",
    "display_name_invalid",
    "email_invalid",
    "password_required",
    "password_too_long",
    "password_is_username",
    "password_too_common",
    "password_unchanged",
    "password_mismatch",
    "wrong_password",
    "language_unknown",
    "cannot_modify_self",
    "last_admin",
    "name_empty",
    "name_required",
    "role_invalid",
    "role_without_org",
    "subscription_invalid",
    "group_invalid",
    "contact_required",
    "contact_is_self",
    "body_empty",
    "body_invalid",
    "recipients_empty",
    "hosts_required",
    "redirect_uris_required",
    "public_client",
    "token_invalid",
    "token_used_up",
    "token_expired",
    "token_revoked",
    "token_required",
    "registration_closed",
    "uses_allowed_invalid",
    "length_invalid",
    "expiry_invalid",
    "username_duplicate",
    "username_missing",
    "password_and_hash",
    "admin_invalid",
    "jobs_paused",
    "provisioning_not_configured",
    "tls_required",
    "session_required",
    "second_factor_required",
    "step_up_required",
    "second_factor_enrolled",
    "code_invalid",
    "setup_expired",
    "passkey_invalid",
    "ceremony_expired",
    "passkeys_unavailable",
    "passkey_registered",
    "no_second_factor",
    "password_wrong",
    "credential_required",
    "email_not_configured",
    "email_already_verified",
    "email_missing",
    "email_required",
    "link_invalid",
    "valid_days_out_of_range",
    "unauthenticated",
    "invalid_credentials",
    "password_change_required",
    "forbidden",
    "internal_error",
];

/// An error's English text whose code is no longer known (pages that kept
/// only `error.to_string()`): translated when it is exactly one of the
/// messages above, as is otherwise.
pub fn english_error_text(language: Language, text: &str) -> String {
    if language == Language::En {
        return text.to_owned();
    }
    TRANSLATED
        .iter()
        .map(|code| error_text(language, code, text))
        .find(|translated| translated != text)
        .unwrap_or_else(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use std::{
        collections::{BTreeMap, BTreeSet},
        fs,
        path::Path,
    };

    use super::*;

    /// Codes the server emits that keep the server's English, and why.
    const UNTRANSLATED: &[(&str, &str)] = &[
        ("alg_unsupported", "lists the supported algorithms"),
        ("role_unknown", "names the unknown role"),
        (
            "role_not_held",
            "names the account or the kind of credential",
        ),
        ("target_outranks_caller", "names the user acted on"),
        ("notice_unknown", "names the unknown notice"),
        ("allowlist_full", "carries the allow-list's limit"),
        ("application_name_taken", "names the application"),
        ("body_too_long", "carries the message length limit"),
        ("confirmation_mismatch", "names the username to type"),
        ("contact_exists", "names the contact"),
        ("contact_not_found", "names the username"),
        ("entry_invalid", "the parser's reason about the entry typed"),
        ("field_not_for_kind", "names the application kind"),
        ("file_unreadable", "the CSV reader's own reason"),
        ("group_duplicate", "names the group"),
        ("host_invalid", "names the host and the reason"),
        ("host_taken", "names the host and the application"),
        ("insufficient_scope", "names the scope"),
        ("ip_not_allowed", "names the caller's address"),
        ("job_running", "names the job"),
        ("name_invalid", "carries the length limit"),
        ("name_too_long", "carries the length limit"),
        ("note_too_long", "carries the length limit"),
        ("org_has_members", "carries the number of members"),
        ("org_is_default", "names the organisation"),
        ("org_name_taken", "names the organisation"),
        ("org_not_found", "names the organisation id"),
        ("password_hash_unsupported", "names the hash scheme"),
        (
            "password_too_short",
            "carries the configured minimum length",
        ),
        ("path_prefix_invalid", "names the prefix and the reason"),
        ("redirect_uri_invalid", "names the URI and the reason"),
        ("row_unreadable", "the CSV reader's own reason"),
        ("scope_unknown", "names the scope and the known ones"),
        ("token_exists", "names the token"),
        ("too_many_groups", "carries the limit"),
        ("too_many_hosts", "carries the limit"),
        ("too_many_passwords", "carries the limit"),
        ("too_many_prefixes", "carries the limit"),
        ("too_many_recipients", "carries the limit"),
        ("too_many_rows", "carries the limit"),
        ("too_many_streams", "carries the limit"),
        ("too_many_uris", "carries the limit"),
        ("user_not_found", "names the user"),
        ("username_taken", "names the username"),
        ("would_lock_out", "names the caller's address"),
        (
            "offline_access",
            "not an error: a scope and its description, found by the scan",
        ),
    ];

    /// Messages whose code and text the scan cannot pair (the text is not
    /// right after the code), checked by hand: the server's exact English.
    const SAMPLES: &[(&str, &str)] = &[
        ("password_mismatch", "The passwords do not match."),
        ("wrong_password", "The current password is not correct."),
        ("email_invalid", "Enter an email address like name@example.org."),
        ("username_required", "Username is required."),
        ("public_client", "A public client has no secret to rotate."),
        (
            "last_admin",
            "This import would leave no active administrator; nothing was imported.",
        ),
        (
            "last_admin",
            "The file would leave no active administrator; nothing was changed.",
        ),
        ("jobs_paused", "jobs are paused: resume them first"),
        ("tls_required", "admin requests must arrive over HTTPS"),
        (
            "provisioning_not_configured",
            "Provisioning is off: no file is configured ([provisioning] file or GATEHOUSE_PROVISIONING_FILE).",
        ),
        ("length_invalid", "Enter a whole number."),
        ("uses_allowed_invalid", "Enter a whole number."),
        ("unauthenticated", "authentication required"),
        ("invalid_credentials", "Invalid username or password."),
        (
            "password_change_required",
            "You must choose a new password before you continue.",
        ),
        ("forbidden", "administrator rights required"),
        ("internal_error", "internal error"),
        (
            "step_up_required",
            "Confirm it is you: enter your password or a code again, then repeat this action.",
        ),
        (
            "second_factor_enrolled",
            "This account has a second factor: HTTP Basic is refused. Use a personal token (Authorization: Bearer).",
        ),
        (
            "passkeys_unavailable",
            "Passkeys need the server's public URL to name a host (not an IP address).",
        ),
        ("passkey_registered", "This passkey is already registered."),
        ("no_second_factor", "Add an authenticator app or a passkey first."),
        ("email_missing", "This account has no email address."),
        (
            "email_not_configured",
            "This server sends no mail: its [email] settings are not configured.",
        ),
        ("email_already_verified", "This address is already verified."),
        ("email_required", "Enter your email address."),
        ("valid_days_out_of_range", "An invitation is valid for 1 to 30 days."),
    ];

    use crate::i18n::tests::rust_files;

    /// The string literals of `text` (with where each starts and ends),
    /// skipping comments and character literals.
    fn literals(text: &str) -> Vec<(usize, usize, String)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                }
                b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 3,
                b'\'' if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') => {
                    i += 4
                }
                b'"' => {
                    let start = i;
                    let mut value = String::new();
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        if bytes[i] == b'\\' {
                            i += 1;
                        }
                        let c = text[i..].chars().next().unwrap();
                        value.push(c);
                        i += c.len_utf8();
                    }
                    i += 1;
                    found.push((start, i, value));
                }
                _ => i += 1,
            }
        }
        found
    }

    fn is_code(s: &str) -> bool {
        s.contains('_')
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }

    /// The codes the server emits (the literals given to `FieldError::new`,
    /// `AppError::conflict`, ... and `code:`), and the English texts found
    /// right after a code (`"email_invalid", "Enter an email…"`, as in the
    /// helpers' calls and `(code, message)` tuples).
    fn server_codes() -> (BTreeSet<String>, BTreeMap<String, BTreeSet<String>>) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        for dir in ["model", "server", "server_fns"] {
            rust_files(&root.join(dir), &mut files);
        }
        let mut codes = BTreeSet::new();
        let mut texts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for path in files {
            let text = fs::read_to_string(&path).unwrap();
            // Tests make up errors of their own.
            let text = &text[..text.find("#[cfg(test)]").unwrap_or(text.len())];
            let found = literals(text);
            for (n, (start, end, value)) in found.iter().enumerate() {
                if !is_code(value) {
                    continue;
                }
                let before = text[..*start].trim_end();
                let called = [
                    "AppError::conflict(",
                    "access_denied(",
                    "unknown_reference(",
                    "bad_reference(",
                    "code:",
                ]
                .iter()
                .any(|call| before.ends_with(call));
                // `FieldError::new(field, "code"`: the second argument.
                let second = before.ends_with(',')
                    && before[..before.len() - 1]
                        .rsplit_once("FieldError::new(")
                        .is_some_and(|(_, first)| !first.contains([',', '(', ')', ';']));
                if called || second {
                    codes.insert(value.clone());
                }
                if let Some((next_start, _, message)) = found.get(n + 1) {
                    let between = &text[*end..*next_start];
                    let is_text = message.contains(' ')
                        && (message.starts_with(|c: char| c.is_uppercase())
                            || message.ends_with('.'));
                    if between.trim() == "," && is_text {
                        codes.insert(value.clone());
                        texts
                            .entry(value.clone())
                            .or_default()
                            .insert(message.clone());
                    }
                }
            }
        }
        (codes, texts)
    }

    #[test]
    fn every_code_is_translated_or_listed_as_untranslated() {
        let (codes, texts) = server_codes();
        assert!(codes.len() > 50, "the scan found too few codes: {codes:?}");
        for sample in ["email_invalid", "password_mismatch", "username_taken"] {
            assert!(codes.contains(sample), "the scan missed {sample}");
        }
        let untranslated: BTreeMap<_, _> = UNTRANSLATED.iter().copied().collect();
        let neither: Vec<_> = codes
            .iter()
            .filter(|c| !TRANSLATED.contains(&c.as_str()) && !untranslated.contains_key(c.as_str()))
            .collect();
        assert!(
            neither.is_empty(),
            "codes with no translation, not listed in UNTRANSLATED: {neither:?}"
        );
        for code in TRANSLATED {
            assert!(!untranslated.contains_key(code), "{code} is in both lists");
        }
        // Every literal text of a translated code is translated, so its
        // English message is exactly the server's.
        let mut checked = BTreeSet::new();
        let found = texts
            .iter()
            .filter(|(code, _)| !untranslated.contains_key(code.as_str()))
            .flat_map(|(code, messages)| messages.iter().map(move |m| (code.as_str(), m.as_str())));
        for (code, english) in found.chain(SAMPLES.iter().copied()) {
            assert_eq!(error_text(Language::En, code, english), english);
            for language in [Language::Fr, Language::De, Language::Es] {
                let translated = error_text(language, code, english);
                assert_ne!(
                    translated,
                    english,
                    "{code}: no {} message whose English is {english:?}",
                    language.code()
                );
                assert!(!translated.starts_with("error-"), "{code}: {translated}");
            }
            checked.insert(code);
        }
        let unchecked: Vec<_> = TRANSLATED
            .iter()
            .filter(|c| !checked.contains(*c))
            .collect();
        assert!(
            unchecked.is_empty(),
            "translated codes with no English text checked (add to SAMPLES): {unchecked:?}"
        );
    }

    #[test]
    fn english_is_the_servers_text_and_unknown_texts_stay() {
        assert_eq!(
            error_text(
                Language::En,
                "password_mismatch",
                "The passwords do not match."
            ),
            "The passwords do not match."
        );
        assert_eq!(
            error_text(
                Language::Fr,
                "password_mismatch",
                "The passwords do not match."
            ),
            "Les mots de passe ne correspondent pas."
        );
        assert_eq!(
            error_text(
                Language::De,
                "username_invalid",
                "Username must be lowercase."
            ),
            "Der Benutzername muss aus Kleinbuchstaben bestehen."
        );
        // A text with a value, or a code we do not know: the server's words.
        let taken = "The username 'ada' is already taken.";
        assert_eq!(error_text(Language::Es, "username_taken", taken), taken);
        let short = "Password must be at least 12 characters.";
        assert_eq!(error_text(Language::Fr, "password_too_short", short), short);
        // A known code with a text other than ours keeps the text.
        assert_eq!(
            error_text(
                Language::De,
                "last_admin",
                "Cannot delete the last active administrator."
            ),
            "Cannot delete the last active administrator."
        );
        assert_eq!(
            english_error_text(Language::Es, "Invalid username or password."),
            "Nombre de usuario o contraseña no válidos."
        );
        assert_eq!(english_error_text(Language::Es, "Saved."), "Saved.");
    }
}
