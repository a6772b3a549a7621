//! The dashboard, settings page and footer's calls.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{AppError, ProvisioningReport, ServerStats, ServerVersion, Settings};

#[server(prefix = "/api", endpoint = "server/stats", input = GetUrl)]
pub async fn get_server_stats() -> Result<ServerStats, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::server::stats(&state, &caller).await },
    )
    .await
}

#[server(prefix = "/api", endpoint = "server/settings", input = GetUrl)]
pub async fn get_server_settings() -> Result<Settings, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move { crate::server::ops::server::settings(&state, &caller) })
        .await
}

/// Applies the provisioning file again (the Settings page's button).
#[server(prefix = "/api", endpoint = "server/provisioning/reload")]
pub async fn reload_provisioning() -> Result<ProvisioningReport, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        crate::server::ops::provisioning::reload(&state, &caller).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "server/version", input = GetUrl)]
pub async fn get_server_version() -> Result<ServerVersion, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::server::version(&state, &caller).await },
    )
    .await
}

/// The footer's version line: the version for administrators, `None` for
/// everyone else (and for an administrator refused here, e.g. by the IP
/// allow-list). Never an error, so it cannot change the page's status.
#[server(prefix = "/api", endpoint = "server/footer", input = GetUrl)]
pub async fn get_footer_version() -> Result<Option<ServerVersion>, AppError> {
    use crate::server_fns::context::*;

    let Ok(state) = state() else {
        return Ok(None);
    };
    let Ok(caller) = require_caller(&state).await else {
        return Ok(None);
    };
    Ok(crate::server::ops::server::version(&state, &caller)
        .await
        .ok())
}
