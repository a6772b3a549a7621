//! Organisations as the panel calls them. Every form works as a plain form
//! post too (then the browser is sent back to the page it came from).

use crate::model::{AppError, Membership, Org, OrgMember, Page};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
fn page_request(
    after: Option<String>,
    before: Option<String>,
    size: u32,
) -> crate::model::PageRequest {
    use crate::model::PageRequest;
    match (
        after.filter(|c| !c.is_empty()),
        before.filter(|c| !c.is_empty()),
    ) {
        (_, Some(before)) => PageRequest::Last {
            size,
            before: Some(before),
        },
        (after, None) => PageRequest::First { size, after },
    }
}

#[server(prefix = "/api", endpoint = "orgs/list", input = GetUrl)]
pub async fn list_orgs(
    filter: Option<std::collections::BTreeMap<String, String>>,
    after: Option<String>,
    before: Option<String>,
) -> Result<Page<Org>, AppError> {
    use crate::model::{CountMode, OrgFilter};
    use crate::server_fns::{context::*, filters};

    as_caller(|state, caller| async move {
        let filter = OrgFilter {
            page: page_request(after, before, 50),
            count: CountMode::Include,
            ..filters::parse(filter, &[], |get| {
                crate::server::ops::orgs::filter_from(get)
            })?
        };
        crate::server::ops::orgs::list(&state, &caller, filter).await
    })
    .await
}

/// Every organisation's id and name (at most 1000), for pickers.
#[server(prefix = "/api", endpoint = "orgs/names", input = GetUrl)]
pub async fn org_names() -> Result<Vec<(String, String)>, AppError> {
    use crate::model::{CountMode, OrgFilter, PageRequest, MAX_PAGE_SIZE};
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let filter = OrgFilter {
            search: None,
            ids: None,
            page: PageRequest::First {
                size: MAX_PAGE_SIZE,
                after: None,
            },
            count: CountMode::Skip,
        };
        let page = crate::server::ops::orgs::list(&state, &caller, filter).await?;
        Ok(page.items.into_iter().map(|o| (o.id, o.name)).collect())
    })
    .await
}

#[server(prefix = "/api", endpoint = "orgs/get", input = GetUrl)]
pub async fn get_org(id: String) -> Result<Org, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::orgs::get(&state, &caller, &id).await },
    )
    .await
}

#[server(prefix = "/api", endpoint = "orgs/create")]
pub async fn create_org(name: String) -> Result<Org, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let org = crate::server::ops::orgs::create(&state, &caller, &name).await?;
        leptos_axum::redirect(&format!("/orgs/{}", org.id));
        Ok(org)
    })
    .await
}

#[server(prefix = "/api", endpoint = "orgs/rename")]
pub async fn rename_org(id: String, name: String) -> Result<Org, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let org = crate::server::ops::orgs::rename(&state, &caller, &id, &name).await?;
        leptos_axum::redirect(&format!("/orgs/{}", org.id));
        Ok(org)
    })
    .await
}

/// `force` is a checkbox: present ("on") or absent.
#[server(prefix = "/api", endpoint = "orgs/delete")]
pub async fn delete_org(id: String, force: Option<String>) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::orgs::delete(&state, &caller, &id, force.is_some()).await?;
        leptos_axum::redirect("/orgs");
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "orgs/members", input = GetUrl)]
pub async fn org_members(
    org_id: String,
    filter: Option<std::collections::BTreeMap<String, String>>,
    after: Option<String>,
    before: Option<String>,
) -> Result<Page<OrgMember>, AppError> {
    use crate::model::{CountMode, MemberFilter};
    use crate::server_fns::{context::*, filters};

    as_caller(|state, caller| async move {
        let filter = MemberFilter {
            page: page_request(after, before, 50),
            count: CountMode::Include,
            ..filters::parse(filter, &[], |get| {
                crate::server::ops::orgs::member_filter_from(get)
            })?
        };
        crate::server::ops::orgs::members(&state, &caller, &org_id, filter).await
    })
    .await
}

/// Adds the user named `username` or changes their role. `back` is where a
/// plain form post returns to (the org page or the user's tab).
#[server(prefix = "/api", endpoint = "orgs/put-member")]
pub async fn put_org_member(
    org_id: String,
    username: String,
    role: String,
    back: Option<String>,
) -> Result<OrgMember, AppError> {
    use crate::model::org;
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let role = org::role(&role).map_err(|e| AppError::Invalid(vec![e]))?;
        let (member, _) =
            crate::server::ops::orgs::put_member_named(&state, &caller, &org_id, &username, role)
                .await?;
        redirect_back(back, &org_id);
        Ok(member)
    })
    .await
}

#[server(prefix = "/api", endpoint = "orgs/remove-member")]
pub async fn remove_org_member(
    org_id: String,
    user_id: String,
    back: Option<String>,
) -> Result<(), AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::orgs::remove_member(&state, &caller, &org_id, &user_id).await?;
        redirect_back(back, &org_id);
        Ok(())
    })
    .await
}

/// Only local paths: a form cannot send the browser elsewhere.
#[cfg(feature = "ssr")]
fn redirect_back(back: Option<String>, org_id: &str) {
    let target = back
        .as_deref()
        .and_then(crate::model::validate::local_path)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("/orgs/{org_id}"));
    leptos_axum::redirect(&target);
}

/// The caller's own organisations (the account page).
#[server(prefix = "/api", endpoint = "account/orgs", input = GetUrl)]
pub async fn my_orgs() -> Result<Vec<Membership>, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move { crate::server::ops::orgs::mine(&state, &caller).await })
        .await
}
