//! Invitations: an administrator sends a registration link (a one-use
//! registration token) to an address, optionally into an organisation with
//! a role. Registering with the link answers the invitation; the invited
//! address is then verified.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::json;

use super::{link, outgoing, site};
use crate::{
    model::{
        email::{Invitation, InvitationStatus, NewInvitation},
        validate, AppError, FieldError, Op, OrgRole, Page, RegistrationMode,
    },
    server::{
        auth::token::generate_secret_with,
        db::{self, email::InvitationRow},
        email::letter,
        ops::Caller,
        time::{new_id, now_ms, rfc3339},
        AppState,
    },
};

const DAY_MS: i64 = 86_400_000;
const DEFAULT_DAYS: u32 = 7;
const MAX_DAYS: u32 = 30;
/// Invitations per page of the list, unless asked otherwise.
pub const PAGE: i64 = 50;

pub fn to_model(row: InvitationRow, now: i64) -> Invitation {
    let status = if row.registered_at.is_some() {
        InvitationStatus::Registered
    } else if row.expires_at <= now {
        InvitationStatus::Expired
    } else {
        InvitationStatus::Invited
    };
    Invitation {
        id: row.id,
        email: row.email,
        status,
        registration_token: row.registration_token,
        org_id: row.org_id,
        role: row.role.as_deref().and_then(OrgRole::parse),
        invited_by: row.invited_by,
        created_at: rfc3339(row.created_at),
        expires_at: rfc3339(row.expires_at),
        user_id: row.user_id,
        registered_at: row.registered_at.map(rfc3339),
    }
}

/// Sends an invitation: 409 `email_not_configured` without mail, 409
/// `registration_closed` when nobody may register, 422 for a bad address or
/// validity, 400 for an unknown organisation.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    input: NewInvitation,
) -> Result<Invitation, AppError> {
    match input.org_id.as_deref() {
        // An organisation's admins invite into it.
        Some(org) => caller.require_in_org(Op::ManageRegistration, org, OrgRole::Admin)?,
        None => caller.require(Op::ManageRegistration)?,
    }
    let mailer = super::require_configured(state)?;
    if state.config.registration_mode == RegistrationMode::Closed {
        return Err(AppError::conflict(
            "registration_closed",
            None,
            "Registration is closed on this server.",
        ));
    }
    let mut errors = Vec::new();
    let email = match validate::email(Some(&input.email)) {
        Ok(Some(email)) => Some(email),
        Ok(None) => {
            errors.push(FieldError::new(
                "email",
                "email_required",
                "Enter the address to invite.",
            ));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let days = input.valid_days.unwrap_or(DEFAULT_DAYS);
    if !(1..=MAX_DAYS).contains(&days) {
        errors.push(FieldError::new(
            "valid_days",
            "valid_days_out_of_range",
            format!("An invitation is valid for 1 to {MAX_DAYS} days."),
        ));
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let org_id = input
        .org_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let org = match org_id {
        Some(id) => Some(db::orgs::get(&state.db, id).await?.ok_or_else(|| {
            AppError::bad_reference(
                "org_not_found",
                "org_id",
                format!("There is no organisation with id '{id}'."),
            )
        })?),
        None if input.role.is_some() => {
            return Err(AppError::Invalid(vec![FieldError::new(
                "role",
                "role_without_org",
                "A role needs an organisation (org_id).",
            )]))
        }
        None => None,
    };
    let role = org.as_ref().map(|_| input.role.unwrap_or_default());
    let now = now_ms();
    // 256 random bits in the registration tokens' alphabet.
    let token = generate_secret_with("inv_");
    let row = InvitationRow {
        id: new_id(),
        email: email.clone(),
        registration_token: token.clone(),
        org_id: org.as_ref().map(|o| o.id.clone()),
        role: role.map(|r| r.as_str().to_owned()),
        invited_by: Some(caller.username.clone()),
        created_at: now,
        expires_at: now + i64::from(days) * DAY_MS,
        user_id: None,
        registered_at: None,
    };
    let language = state.config.default_language;
    let role_name = role.map(|r| match r {
        OrgRole::Viewer => language.text("orgs-role-viewer"),
        OrgRole::Editor => language.text("orgs-role-editor"),
        OrgRole::Admin => language.text("orgs-role-admin"),
    });
    let letter = letter::invitation(
        language,
        &site(state),
        &caller.username,
        &format!("{} UTC", language.date_time(&rfc3339(row.expires_at))),
        org.as_ref()
            .zip(role_name.as_deref())
            .map(|(o, r)| (o.name.as_str(), r)),
        &link(
            state,
            &format!(
                "/register?token={token}&email={}",
                urlencoding::encode(&email)
            ),
        ),
    );
    let mail = outgoing(mailer, "invitation", None, &email, letter, None);
    let audit = caller.audit(
        "invitation.create",
        "invitation",
        Some(&row.id),
        json!({"email": email, "org_id": row.org_id, "role": row.role, "valid_days": days}),
    );
    db::email::invite(&state.db, &row, &mail, &audit).await?;
    state.mail.wake();
    Ok(to_model(row, now))
}

/// `page[after]` of the list: the last row's time and id.
fn encode_cursor(row: &InvitationRow) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{}", row.created_at, row.id))
}

fn decode_cursor(raw: &str) -> Result<(i64, String), AppError> {
    URL_SAFE_NO_PAD
        .decode(raw)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            let (at, id) = s.split_once(':')?;
            Some((at.parse().ok()?, id.to_owned()))
        })
        .ok_or_else(|| {
            AppError::bad_parameter("page[after]", "page[after] is not a cursor of this list")
        })
}

/// Which page of the invitations: `size` of them after `after` (the
/// newest first), or the `size` oldest.
#[derive(Clone, Debug, Default)]
pub struct InvitationPage {
    pub status: Option<String>,
    pub after: Option<String>,
    pub size: Option<i64>,
    pub oldest: bool,
}

/// Invitations, newest first, optionally of one status.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    request: InvitationPage,
) -> Result<Page<Invitation>, AppError> {
    // Organisation admins see their organisations' invitations.
    let orgs: Option<Vec<String>> = match caller.require(Op::ReadRegistration) {
        Ok(()) => None,
        Err(refusal) => {
            let mine: Vec<String> = caller.org_admin_of().map(str::to_owned).collect();
            if mine.is_empty() {
                return Err(refusal);
            }
            caller.require_in_org(Op::ReadRegistration, &mine[0], OrgRole::Admin)?;
            Some(mine)
        }
    };
    let status = match request.status.as_deref() {
        None => None,
        Some(raw) => Some(InvitationStatus::parse(raw).ok_or_else(|| {
            AppError::bad_parameter(
                "filter[status]",
                "filter[status] is one of invited, registered, expired",
            )
        })?),
    };
    let after = request.after.as_deref().map(decode_cursor).transpose()?;
    let size = request.size.unwrap_or(PAGE);
    let now = now_ms();
    let mut rows = db::email::invitations(
        &state.db,
        status.map(InvitationStatus::as_str),
        after,
        request.oldest,
        now,
        size + 1,
        orgs.as_deref(),
    )
    .await?;
    let more = rows.len() as i64 > size;
    if request.oldest {
        if more {
            rows.remove(0);
        }
    } else {
        rows.truncate(size as usize);
    }
    Ok(Page {
        next_cursor: (more && !request.oldest)
            .then(|| rows.last().map(encode_cursor))
            .flatten(),
        items: rows.into_iter().map(|r| to_model(r, now)).collect(),
        count: None,
        prev_cursor: None,
    })
}

/// The invitation behind a registration token, for `/register` and the
/// registration itself.
pub async fn by_token(state: &AppState, token: &str) -> Result<Option<InvitationRow>, AppError> {
    Ok(db::email::invitation_by_token(&state.db, token).await?)
}
