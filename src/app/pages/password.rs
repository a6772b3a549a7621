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
        <Title text="Change password"/>
        <main id="main" class="centered">
            <form method="post" action=ChangePassword::url() class="card narrow auth">
                <h1>"Change password"</h1>
                <Suspense>
                    {move || Suspend::new(async move {
                        let forced = matches!(me.await, Ok(Some(me)) if me.password_change_required);
                        forced.then(|| view! {
                            <div class="notice" role="status" data-testid="password-change-required">
                                "An administrator set a temporary password for your account. "
                                "Choose your own password to continue."
                            </div>
                        })
                    })}
                </Suspense>
                {move || error_banner(errors.general())}
                <Field label="Current password" name="current_password" kind="password" required=true
                    autocomplete="current-password" error=errors.field("current_password")/>
                <Field label="New password" name="new_password" kind="password" required=true
                    autocomplete="new-password" error=errors.field("new_password")/>
                <Field label="Repeat new password" name="new_password_confirm" kind="password" required=true
                    autocomplete="new-password" error=errors.field("new_password_confirm")/>
                <div class="field check">
                    <input id="field-revoke-tokens" type="checkbox" name="revoke_tokens" checked/>
                    <label for="field-revoke-tokens">"Also revoke my API tokens"</label>
                </div>
                <button type="submit" class="button primary">"Change password"</button>
            </form>
            <form method="post" action=Logout::url() class="centered-aside">
                <button type="submit" class="button link">"Log out"</button>
            </form>
        </main>
    }
}
