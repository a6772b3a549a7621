//! Security notices: a mail to the account's verified address when its
//! password changes, a second factor is added or removed, or it signs in
//! from a device not seen before. Each kind can be switched off on
//! `/account`.

use crate::{
    model::{
        email::{MailSettings, NOTICES},
        AppError, FieldError,
    },
    server::{
        db::{self, outbox::OutgoingMail, users::UserRow},
        email::letter::{self, Notice},
        ops::{Access, Caller},
        time::{now_ms, rfc3339},
        AppState,
    },
};

/// The notice for `user`, ready for the outbox; `None` when no mail goes:
/// mail not configured, no verified address, or the notice switched off.
pub async fn compose(
    state: &AppState,
    user: &UserRow,
    kind: Notice,
    detail: &str,
) -> Option<OutgoingMail> {
    let mailer = state.mail.transport.as_ref()?;
    let email = user
        .email
        .as_deref()
        .filter(|_| user.email_verified_at.is_some())?;
    let off = db::email::notices_off(&state.db, &user.id).await.ok()?;
    if off.iter().any(|k| k == kind.switch()) {
        return None;
    }
    let language = super::language_of(state, &user.id).await;
    let account = super::link(state, "/account#notices");
    let letter = letter::notice(
        language,
        &super::site(state),
        kind,
        &user.username,
        &format!("{} UTC", language.date_time(&rfc3339(now_ms()))),
        detail,
        &account,
    );
    Some(super::outgoing(
        mailer,
        "notice",
        Some(&user.id),
        email,
        letter,
        Some(account),
    ))
}

/// The notice of a sign-in about to be recorded, when the account signed in
/// before but never from this browser (the same User-Agent).
pub async fn new_device(
    state: &AppState,
    user_id: &str,
    agent: Option<&str>,
    ip: Option<&str>,
) -> Option<OutgoingMail> {
    state.mail.transport.as_ref()?;
    let (earlier, same_agent) = db::sessions::seen_devices(&state.db, user_id, agent)
        .await
        .map_err(|e| tracing::warn!(user = %user_id, "cannot look at earlier sessions: {e}"))
        .ok()?;
    if earlier == 0 || same_agent > 0 {
        return None;
    }
    let parsed = agent
        .map(crate::server::auth::user_agent::parse)
        .unwrap_or_default();
    let device = [parsed.browser, parsed.os]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let device = if device.is_empty() {
        "?".to_owned()
    } else {
        device
    };
    let detail = match ip {
        Some(ip) => format!("{device} ({ip})"),
        None => device,
    };
    let user = db::users::by_id(&state.db, user_id).await.ok()??;
    compose(state, &user, Notice::NewSignIn, &detail).await
}

/// The caller's own mail settings.
pub async fn own_settings(state: &AppState, caller: &Caller) -> Result<MailSettings, AppError> {
    let id = crate::server::ops::modules::require_self_service(state, caller, Access::Read).await?;
    let user = db::users::by_id(&state.db, id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let off = db::email::notices_off(&state.db, id).await?;
    Ok(MailSettings {
        configured: super::configured(state),
        verified: user.email.is_some() && user.email_verified_at.is_some(),
        email: user.email,
        notices: NOTICES
            .iter()
            .filter(|k| !off.iter().any(|o| o == *k))
            .map(|k| (*k).to_owned())
            .collect(),
    })
}

/// Switches the caller's notices: `on` lists those wanted.
pub async fn set_own(
    state: &AppState,
    caller: &Caller,
    on: &[String],
) -> Result<MailSettings, AppError> {
    let id =
        crate::server::ops::modules::require_self_service(state, caller, Access::Write).await?;
    if let Some(bad) = on.iter().find(|k| !NOTICES.contains(&k.as_str())) {
        return Err(AppError::Invalid(vec![FieldError::new(
            "notices",
            "notice_unknown",
            format!("'{bad}' is not one of {}.", NOTICES.join(", ")),
        )]));
    }
    let off: Vec<&str> = NOTICES
        .iter()
        .copied()
        .filter(|k| !on.iter().any(|o| o == k))
        .collect();
    db::email::set_notices_off(&state.db, id, &off).await?;
    own_settings(state, caller).await
}
