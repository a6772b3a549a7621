use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::users::short_time;
use crate::api::users::{get_user, DeleteUser, SetUserPassword, UserAction};
use crate::app::components::{AdminOnly, ErrorNotice, Field, FormErrors, StatusBadge};
use crate::model::{AppError, User, UserStatus};

#[component]
pub fn UserDetailPage() -> impl IntoView {
    view! {
        <AdminOnly>
            <UserDetail/>
        </AdminOnly>
    }
}

#[component]
fn UserDetail() -> impl IntoView {
    let params = use_params_map();
    let actions = Actions {
        action: ServerAction::<UserAction>::new(),
        password: ServerAction::<SetUserPassword>::new(),
        delete: ServerAction::<DeleteUser>::new(),
    };
    // Refetched after every action, so the page shows the new state.
    let user = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                actions.action.version().get(),
                actions.password.version().get(),
            )
        },
        |(id, _, _)| get_user(id),
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <UserView user=user.clone()/><UserActions user actions/> }.into_any(),
                    Err(error) => view! { <Title text="User"/><ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn time_or(value: Option<String>, none: &'static str) -> AnyView {
    match value {
        Some(t) => view! { <time datetime=t.clone()>{short_time(&t)}" UTC"</time> }.into_any(),
        None => view! { <span class="muted">{none}</span> }.into_any(),
    }
}

#[component]
fn UserView(user: User) -> impl IntoView {
    let title = user.username.clone();
    view! {
        <Title text=title.clone()/>
        <div class="page-head">
            <h1>{title}</h1>
            <A href="/users" attr:class="button subtle">"Back to users"</A>
        </div>
        <section class="card">
            <dl class="attributes" data-testid="user-attributes">
                <dt>"Id"</dt><dd><code>{user.id}</code></dd>
                <dt>"Username"</dt><dd>{user.username}</dd>
                <dt>"Display name"</dt><dd>{user.display_name.unwrap_or_else(|| "—".into())}</dd>
                <dt>"Email"</dt><dd>{user.email.unwrap_or_else(|| "—".into())}</dd>
                <dt>"Status"</dt><dd><StatusBadge status=user.status/></dd>
                <dt>"Server administrator"</dt><dd>{if user.admin { "yes" } else { "no" }}</dd>
                <dt>"May request admin"</dt><dd>{if user.can_request_admin { "yes" } else { "no" }}</dd>
                <dt>"Created"</dt><dd>{time_or(Some(user.created_at), "")}</dd>
                <dt>"Last seen"</dt><dd>{time_or(user.last_seen_at, "never")}</dd>
                <dt>"Locked"</dt><dd>{time_or(user.locked_at, "no")}</dd>
                <dt>"Deactivated"</dt><dd>{time_or(user.deactivated_at, "no")}</dd>
            </dl>
        </section>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    action: ServerAction<UserAction>,
    password: ServerAction<SetUserPassword>,
    delete: ServerAction<DeleteUser>,
}

fn last_error<T>(value: &Option<Result<T, AppError>>) -> Option<AppError> {
    value.as_ref().and_then(|r| r.as_ref().err().cloned())
}

/// One action button posting `action` for the user.
#[component]
fn ActionButton(
    action: ServerAction<UserAction>,
    id: String,
    name: &'static str,
    label: String,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    view! {
        <ActionForm action=action>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="action" value=name/>
            <button type="submit" class=if danger { "button danger" } else { "button" }>{label}</button>
        </ActionForm>
    }
}

/// A destructive action behind a confirmation step that names its effect.
#[component]
fn Confirmed(summary: String, explanation: String, children: Children) -> impl IntoView {
    view! {
        <details class="confirm">
            <summary class="button">{summary}</summary>
            <div class="confirm-body" role="group" aria-label="Confirm">
                <p>{explanation}</p>
                {children()}
            </div>
        </details>
    }
}

/// Builds the button of one action for this user, before any `view!` moves things.
fn action_button(
    action: ServerAction<UserAction>,
    id: &str,
    name: &'static str,
    label: String,
    danger: bool,
) -> AnyView {
    view! { <ActionButton action id=id.to_owned() name label danger/> }.into_any()
}

#[component]
fn UserActions(user: User, actions: Actions) -> impl IntoView {
    let Actions {
        action,
        password,
        delete,
    } = actions;
    let error = move || {
        action
            .value()
            .with(last_error)
            .or_else(|| {
                password
                    .value()
                    .with(last_error)
                    .filter(|e| !e.is_field_error())
            })
            .or_else(|| delete.value().with(last_error))
    };
    let password_error = FormErrors::of(password).field("password");
    let name = user.username.as_str();
    let id = user.id.as_str();
    let button =
        |action_name, label: String, danger| action_button(action, id, action_name, label, danger);

    let lock = match user.status {
        UserStatus::Locked => button("unlock", "Unlock".into(), false),
        UserStatus::Active => {
            let confirm = button("lock", format!("Lock {name}"), true);
            let explanation = format!(
                "Lock {name}? They cannot log in, and their sessions and tokens stop working until the account is unlocked."
            );
            view! { <Confirmed summary="Lock…".into() explanation>{confirm}</Confirmed> }.into_any()
        }
        UserStatus::Deactivated => ().into_any(),
    };
    let deactivation = if user.status == UserStatus::Deactivated {
        let reactivate = button("reactivate", "Reactivate".into(), false);
        let erase = button("erase", format!("Erase {name}'s data"), true);
        let explanation =
            format!("Erase {name}'s display name, email and password? This cannot be undone; the username stays reserved.");
        view! {
            {reactivate}
            <Confirmed summary="Erase personal data…".into() explanation>{erase}</Confirmed>
        }
        .into_any()
    } else {
        let deactivate = button("deactivate", format!("Deactivate {name}"), true);
        let erase = button("erase", format!("Deactivate and erase {name}'s data"), true);
        let explanation = format!(
            "Deactivate {name}? All their sessions end and all their tokens are revoked. You can reactivate the account later."
        );
        view! { <Confirmed summary="Deactivate…".into() explanation>{deactivate}{erase}</Confirmed> }.into_any()
    };
    let admin = if user.admin {
        let revoke = button(
            "revoke_admin",
            format!("Revoke {name}'s admin rights"),
            true,
        );
        let explanation = format!(
            "Remove {name}'s server administrator rights? Their admin tokens stop working at once."
        );
        view! { <Confirmed summary="Revoke admin rights…".into() explanation>{revoke}</Confirmed> }
            .into_any()
    } else {
        button("make_admin", "Make administrator".into(), false)
    };
    let delete_explanation =
        format!("Delete {name} for good? Their account, sessions and tokens are removed and cannot be restored.");
    let delete_label = format!("Delete {name}");
    let (delete_id, password_id) = (id.to_owned(), id.to_owned());
    view! {
        <section class="card actions" aria-labelledby="actions-heading">
            <h2 id="actions-heading">"Actions"</h2>
            {move || error().map(|e| view! { <div class="notice error" role="alert">{e.to_string()}</div> })}
            <div class="action-row">
                {lock}
                {deactivation}
                {admin}
                <Confirmed summary="Delete…".into() explanation=delete_explanation>
                    <ActionForm action=delete>
                        <input type="hidden" name="id" value=delete_id/>
                        <button type="submit" class="button danger">{delete_label}</button>
                    </ActionForm>
                </Confirmed>
            </div>
            <details class="confirm">
                <summary class="button">"Set password…"</summary>
                <div class="confirm-body">
                    <ActionForm action=password>
                        <input type="hidden" name="id" value=password_id/>
                        <Field label="New password" name="password" kind="password" required=true
                            autocomplete="new-password" error=password_error/>
                        <div class="field check">
                            <input id="field-temporary" type="checkbox" name="temporary"/>
                            <label for="field-temporary">"Temporary: the user must choose a new one at the next login"</label>
                        </div>
                        <button type="submit" class="button primary">"Set password"</button>
                    </ActionForm>
                </div>
            </details>
        </section>
    }
}
