//! Bulk actions: the single-user operations, applied one user at a time.

use super::{lifecycle, Caller};
use crate::{
    model::{validate, AppError, BulkAction, BulkRefusal, BulkResult, MAX_BULK},
    server::{db, AppState},
};

pub async fn apply(
    state: &AppState,
    caller: &Caller,
    ids: Vec<String>,
    action: BulkAction,
) -> Result<BulkResult, AppError> {
    caller.require(match action {
        BulkAction::Unlock => crate::model::Op::UnlockUsers,
        _ => crate::model::Op::ManageUsers,
    })?;
    if ids.is_empty() || ids.len() > MAX_BULK {
        return Err(AppError::bad_parameter(
            "ids",
            format!("name from 1 to {MAX_BULK} users"),
        ));
    }
    if let Some(bad) = ids.iter().find(|id| !validate::is_ulid(id)) {
        return Err(AppError::bad_parameter(
            "ids",
            format!("{bad} is not a user id"),
        ));
    }
    let mut ids = ids;
    ids.dedup();
    let mut result = BulkResult {
        action,
        succeeded: Vec::new(),
        refused: Vec::new(),
    };
    for id in ids {
        let username = db::users::by_id(&state.db, &id)
            .await?
            .map(|u| u.username)
            .unwrap_or_default();
        let outcome = match action {
            BulkAction::Lock => lifecycle::lock(state, caller, &id).await.map(|_| ()),
            BulkAction::Unlock => lifecycle::unlock(state, caller, &id).await.map(|_| ()),
            BulkAction::Deactivate => lifecycle::deactivate(state, caller, &id, false)
                .await
                .map(|_| ()),
            BulkAction::Delete => lifecycle::delete(state, caller, &id).await,
        };
        match outcome {
            Ok(()) => result.succeeded.push(username),
            Err(AppError::Internal) => return Err(AppError::Internal),
            Err(e) => result.refused.push(BulkRefusal {
                id,
                username,
                code: e.code().to_owned(),
                reason: e.to_string(),
            }),
        }
    }
    Ok(result)
}
