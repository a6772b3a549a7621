use crate::t;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::app::{
    components::{error_banner, Field, FormErrors},
    CurrentUser,
};
use crate::server_fns::{account::ChangePassword, auth::Logout};

/// Choosing a new password: by choice, or because an administrator set a
/// temporary one (then every other page leads here until it is done).
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    let action = ServerAction::<ChangePassword>::new();
    let errors = FormErrors::of(action);
    view! {
        <Title text=t!("password-title")/>
        <main id="main" class="centered">
            <form method="post" action=ChangePassword::url() class="card narrow auth">
                <h1>{t!("password-title")}</h1>
                <Suspense>
                    {move || Suspend::new(async move {
                        let forced = matches!(me.await, Ok(Some(me)) if me.password_change_required);
                        forced.then(|| view! {
                            <div class="notice" role="status" data-testid="password-change-required">
                                {t!("password-temporary")}
                            </div>
                        })
                    })}
                </Suspense>
                {move || error_banner(errors.general())}
                <Field label=t!("password-current") name="current_password" kind="password" required=true
                    autocomplete="current-password" error=errors.field("current_password")/>
                <Field label=t!("password-new") name="new_password" kind="password" required=true
                    autocomplete="new-password" error=errors.field("new_password")/>
                <Field label=t!("password-repeat-new") name="new_password_confirm" kind="password" required=true
                    autocomplete="new-password" error=errors.field("new_password_confirm")/>
                <div class="field check">
                    <input id="field-revoke-tokens" type="checkbox" name="revoke_tokens" checked/>
                    <label for="field-revoke-tokens">{t!("password-revoke-tokens")}</label>
                </div>
                <button type="submit" class="button primary">{t!("password-title")}</button>
            </form>
            <form method="post" action=Logout::url() class="centered-aside">
                <button type="submit" class="button link">{t!("layout-log-out")}</button>
            </form>
        </main>
    }
}
