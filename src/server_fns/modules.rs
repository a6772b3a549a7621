//! The built-in modules and their switches, for the Modules page. The
//! toggle is a plain form post too.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::model::{AppError, ModuleState};

#[server(prefix = "/api", endpoint = "modules/list", input = GetUrl)]
pub async fn list_modules() -> Result<Vec<ModuleState>, AppError> {
    use crate::server_fns::context::*;

    as_caller(
        |state, caller| async move { crate::server::ops::modules::list(&state, &caller).await },
    )
    .await
}

/// Switches module `name` on (`enabled` = `true`) or off (`false`).
#[server(prefix = "/api", endpoint = "modules/set")]
pub async fn set_module(name: String, enabled: String) -> Result<ModuleState, AppError> {
    use crate::server_fns::context::*;

    as_caller(|state, caller| async move {
        let enabled = match enabled.as_str() {
            "true" => true,
            "false" => false,
            _ => {
                caller.require(crate::model::Op::ManageServer)?;
                return Err(AppError::bad_parameter(
                    "enabled",
                    "enabled must be true or false",
                ));
            }
        };
        crate::server::ops::modules::set_enabled(&state, &caller, &name, enabled).await
    })
    .await
}
