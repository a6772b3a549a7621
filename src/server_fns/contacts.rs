//! Contacts (a user's roster) as the panel calls them. Every form works as
//! a plain form post too; groups come as one comma-separated text field.

use crate::model::{AppError, Contact};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Where the forms land after a plain (no JavaScript) post.
#[cfg(feature = "ssr")]
fn back_to_tab(user_id: &str) {
    leptos_axum::redirect(&format!(
        "/users/{}?tab=contacts",
        urlencoding::encode(user_id)
    ));
}

/// "Friends, Work," → `["Friends", "Work"]`: empty pieces (a trailing comma)
/// are dropped, the rest is checked by the operation.
#[cfg(feature = "ssr")]
fn split_groups(raw: Option<String>) -> Vec<String> {
    raw.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(str::to_owned)
        .collect()
}

#[server(prefix = "/api", endpoint = "contacts/list", input = GetUrl)]
pub async fn list_contacts(user_id: String) -> Result<Vec<Contact>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::contacts::list(&state, &caller, &user_id).await
    })
    .await
}

/// Up to ten usernames containing `q` (starting with it first), for the
/// add form's autocomplete.
#[server(prefix = "/api", endpoint = "contacts/suggest", input = GetUrl)]
pub async fn suggest_usernames(q: String) -> Result<Vec<String>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::contacts::suggest_usernames(&state, &caller, &q).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "contacts/add")]
pub async fn add_contact(
    user_id: String,
    contact: String,
    subscription: Option<String>,
    groups: Option<String>,
) -> Result<Contact, AppError> {
    use crate::server::ops::contacts::NewContact;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let input = NewContact {
            user_id: user_id.clone(),
            contact,
            subscription,
            groups: split_groups(groups),
        };
        let added = crate::server::ops::contacts::add(&state, &caller, input).await?;
        back_to_tab(&user_id);
        Ok(added)
    })
    .await
}

#[server(prefix = "/api", endpoint = "contacts/update")]
pub async fn update_contact(
    user_id: String,
    contact: String,
    subscription: Option<String>,
    groups: Option<String>,
) -> Result<Contact, AppError> {
    use crate::server::ops::contacts::ContactPatch;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let patch = ContactPatch {
            subscription,
            groups: Some(split_groups(groups)),
        };
        let updated =
            crate::server::ops::contacts::update(&state, &caller, &user_id, &contact, patch)
                .await?;
        back_to_tab(&user_id);
        Ok(updated)
    })
    .await
}

#[server(prefix = "/api", endpoint = "contacts/remove")]
pub async fn remove_contact(user_id: String, contact: String) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::contacts::remove(&state, &caller, &user_id, &contact).await?;
        back_to_tab(&user_id);
        Ok(())
    })
    .await
}
