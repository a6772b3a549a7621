//! First run: creating the first administrator, which needs no caller.

use serde_json::json;

use super::users::{new_row, to_model, username_taken, validate_new_user};
use crate::{
    model::{AppError, NewUser, OrgRole, User},
    server::{db, db::audit::AuditEntry, AppState},
};

/// True while no administrator exists: only then does `/setup` exist.
pub async fn needs_setup(state: &AppState) -> Result<bool, AppError> {
    Ok(db::users::admin_count(&state.db).await? == 0)
}

/// Creates the first administrator; refused (404, as if the page did not
/// exist) once any administrator exists, even under concurrent attempts.
pub async fn create_first_admin(
    state: &AppState,
    username: &str,
    password: &str,
    ip: Option<String>,
) -> Result<User, AppError> {
    let gone = || AppError::NotFound("setup is complete".into());
    if !needs_setup(state).await? {
        return Err(gone());
    }
    let input = NewUser {
        username: username.to_owned(),
        password: Some(password.to_owned()),
        admin: true,
        ..NewUser::default()
    };
    let valid = validate_new_user(&input, state.config.password_min_length)?;
    if valid.password.is_none() {
        return Err(AppError::Invalid(vec![crate::model::FieldError::new(
            "password",
            "password_required",
            "Password is required.",
        )]));
    }
    // The first administrator administers the default organisation too.
    let role = state.config.default_org.as_ref().map(|_| OrgRole::Admin);
    let links = super::orgs::new_user_links(state, None, role).await?;
    let row = new_row(state, valid, crate::model::Roles::server_admin()).await?;
    let audit = AuditEntry {
        actor_type: "user",
        actor_id: Some(row.id.clone()),
        actor_name: row.username.clone(),
        actor_ip: ip,
        actor_role: None,
        action: "setup.first_admin",
        target_type: "user",
        target_id: Some(row.id.clone()),
        detail: json!({"username": row.username}),
    };
    match db::users::insert_first_admin(&state.db, &row, &links, &audit).await {
        Ok(true) => Ok(to_model(row)),
        Ok(false) => Err(gone()),
        Err(e) if db::is_unique_violation(&e) => Err(username_taken(&row.username)),
        Err(e) => Err(e.into()),
    }
}
