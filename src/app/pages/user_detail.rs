use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

use super::audit::{history_resource, HistoryList, HistoryPanel};
use super::contacts::{ContactActions, ContactList, ContactsPanel};
use super::messages::SendMessagePanel;
use super::orgs::{MembershipTab, UserOrgsPanel};
use super::sessions::{SessionActions, SessionPage, UserSessionsPanel};
use super::tokens::{TokenActions, TokenList, TokensPanel};
use crate::app::components::{
    alert, error_banner, error_of, time_or, AdminOnly, Confirmed, ErrorNotice, Field, FormErrors,
    StatusBadge,
};
use crate::model::{User, UserStatus};
use crate::server_fns::access::list_tokens;
use crate::server_fns::sessions::list_user_sessions;
use crate::server_fns::users::{get_user, DeleteUser, SetUserPassword, UpdateUser, UserAction};

#[component]
pub fn UserDetailPage() -> impl IntoView {
    view! {
        <AdminOnly>
            <UserDetail/>
        </AdminOnly>
    }
}

/// The tabs of the page, kept in the URL (`?tab=`) so links and reloads
/// land on the same one, with or without JavaScript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Profile,
    Security,
    Tokens,
    Sessions,
    Messages,
    Contacts,
    Orgs,
    Apps,
    History,
    Danger,
}

impl Tab {
    const ALL: [Tab; 10] = [
        Tab::Profile,
        Tab::Security,
        Tab::Tokens,
        Tab::Sessions,
        Tab::Messages,
        Tab::Contacts,
        Tab::Orgs,
        Tab::Apps,
        Tab::History,
        Tab::Danger,
    ];

    fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("security") => Self::Security,
            Some("tokens") => Self::Tokens,
            Some("sessions") => Self::Sessions,
            Some("messages") => Self::Messages,
            Some("contacts") => Self::Contacts,
            Some("orgs") => Self::Orgs,
            Some("apps") => Self::Apps,
            Some("history") => Self::History,
            Some("danger") => Self::Danger,
            _ => Self::Profile,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::Profile => "profile",
            Self::Security => "security",
            Self::Tokens => "tokens",
            Self::Sessions => "sessions",
            Self::Messages => "messages",
            Self::Contacts => "contacts",
            Self::Orgs => "orgs",
            Self::Apps => "apps",
            Self::History => "history",
            Self::Danger => "danger",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Profile => "Profile",
            Self::Security => "Security",
            Self::Tokens => "Tokens",
            Self::Sessions => "Sessions",
            Self::Messages => "Messages",
            Self::Contacts => "Contacts",
            Self::Orgs => "Organisations",
            Self::Apps => "Apps",
            Self::History => "History",
            Self::Danger => "Danger zone",
        }
    }
}

#[derive(Clone, Copy)]
struct Actions {
    action: ServerAction<UserAction>,
    password: ServerAction<SetUserPassword>,
    delete: ServerAction<DeleteUser>,
    update: ServerAction<UpdateUser>,
    tokens: TokenActions,
    token_list: TokenList,
    contacts: ContactActions,
    contact_list: ContactList,
    sessions: SessionActions,
    session_list: SessionPage,
    memberships: MembershipTab,
    history: HistoryList,
}

#[component]
fn UserDetail() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let tab = Memo::new(move |_| Tab::parse(query.read().get("tab").as_deref()));
    let tokens = TokenActions::default();
    // Loaded only on the Tokens tab.
    let token_list = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                tab.get() == Tab::Tokens,
                tokens.create.version().get(),
                tokens.revoke.version().get(),
            )
        },
        |(id, shown, ..)| async move {
            if shown {
                list_tokens(id).await
            } else {
                Ok(Vec::new())
            }
        },
    );
    let sessions = SessionActions::default();
    // Loaded only on the Sessions tab; `after`/`before` page it.
    let session_list = Resource::new(
        move || {
            let q = query.read();
            (
                params.read().get("id").unwrap_or_default(),
                tab.get() == Tab::Sessions,
                q.get("after"),
                q.get("before"),
                sessions.revoke.version().get(),
                sessions.logout.version().get(),
            )
        },
        |(id, shown, after, before, ..)| async move {
            if shown {
                list_user_sessions(id, after, before).await
            } else {
                Ok(crate::model::Page::default())
            }
        },
    );
    let (contacts, contact_list) = ContactActions::with_list(
        move || params.read().get("id").unwrap_or_default(),
        move || tab.get() == Tab::Contacts,
    );
    let memberships = MembershipTab::new(
        move || params.read().get("id").unwrap_or_default(),
        move || tab.get() == Tab::Orgs,
    );
    let history = history_resource("user", move || {
        (tab.get() == Tab::History).then(|| (params.read().get("id").unwrap_or_default(), ()))
    });
    let actions = Actions {
        memberships,
        history,
        sessions,
        session_list,
        action: ServerAction::<UserAction>::new(),
        password: ServerAction::<SetUserPassword>::new(),
        delete: ServerAction::<DeleteUser>::new(),
        update: ServerAction::<UpdateUser>::new(),
        tokens,
        token_list,
        contacts,
        contact_list,
    };
    // Refetched after every action, so the page shows the new state.
    let user = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                actions.action.version().get(),
                actions.password.version().get(),
                actions.update.version().get(),
            )
        },
        |(id, ..)| get_user(id),
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <UserView user tab=tab.get() actions/> }.into_any(),
                    Err(error) => view! { <Title text="User"/><ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn UserView(user: User, tab: Tab, actions: Actions) -> impl IntoView {
    let title = user.username.clone();
    let id = user.id.clone();
    let tabs = Tab::ALL
        .into_iter()
        .map(|t| {
            let href = format!("/users/{id}?tab={}", t.key());
            let selected = t == tab;
            view! {
                <a href=href role="tab" id=format!("tab-{}", t.key())
                    aria-selected=if selected { "true" } else { "false" }
                    aria-controls="tab-panel"
                    class:active=selected
                    class:danger=t == Tab::Danger>{t.label()}</a>
            }
        })
        .collect_view();
    let panel = match tab {
        Tab::Profile => view! { <ProfileTab user=user.clone() update=actions.update/> }.into_any(),
        Tab::Security => view! { <SecurityTab user=user.clone() actions/> }.into_any(),
        Tab::Tokens => {
            view! { <TokensPanel user_id=user.id.clone() actions=actions.tokens list=actions.token_list/> }.into_any()
        }
        Tab::Sessions => view! {
            <UserSessionsPanel user_id=user.id.clone() username=user.username.clone()
                actions=actions.sessions list=actions.session_list/>
        }
        .into_any(),
        Tab::Messages => {
            view! { <SendMessagePanel user_id=user.id.clone() username=user.username.clone()/> }
                .into_any()
        }
        Tab::Contacts => view! {
            <ContactsPanel user_id=user.id.clone() username=user.username.clone()
                actions=actions.contacts list=actions.contact_list/>
        }
        .into_any(),
        Tab::Orgs => view! {
            <UserOrgsPanel user_id=user.id.clone() username=user.username.clone() tab=actions.memberships/>
        }
        .into_any(),
        Tab::Apps => view! {
            <section class="card" aria-labelledby="user-apps-heading">
                <h2 id="user-apps-heading">"Application sign-ins"</h2>
                <super::applications::GrantsList user_id=user.id.clone()/>
            </section>
        }
        .into_any(),
        Tab::History => view! {
            <HistoryPanel list=actions.history here=format!("/users/{}?tab=history", user.id)/>
        }
        .into_any(),
        Tab::Danger => view! { <DangerTab user=user.clone() actions/> }.into_any(),
    };
    view! {
        <Title text=title.clone()/>
        <div class="page-head">
            <h1>{title}" "<StatusBadge status=user.status/></h1>
            <A href="/users" attr:class="button subtle">"Back to users"</A>
        </div>
        <nav class="tabs" role="tablist" aria-label="User sections">{tabs}</nav>
        <div id="tab-panel" role="tabpanel" aria-labelledby=format!("tab-{}", tab.key())>
            {panel}
        </div>
    }
}

/// A notice after a redirect back here (`?saved=1`, `?password=set`).
fn flash(key: &'static str, value: &'static str, text: &'static str) -> impl IntoView {
    let query = use_query_map();
    move || {
        (query.read().get(key).as_deref() == Some(value))
            .then(|| view! { <div class="notice success" role="status">{text}</div> })
    }
}

#[component]
fn ProfileTab(user: User, update: ServerAction<UpdateUser>) -> impl IntoView {
    let errors = FormErrors::of(update);
    view! {
        <section class="card">
            <dl class="attributes" data-testid="user-attributes">
                <dt>"Id"</dt><dd><code>{user.id.clone()}</code></dd>
                <dt>"Username"</dt><dd>{user.username.clone()}</dd>
                <dt>"Display name"</dt><dd>{user.display_name.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Email"</dt><dd>{user.email.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Status"</dt><dd><StatusBadge status=user.status/></dd>
                <dt>"Server administrator"</dt><dd>{if user.admin { "yes" } else { "no" }}</dd>
                <dt>"May request admin"</dt><dd>{if user.can_request_admin { "yes" } else { "no" }}</dd>
                <dt>"Created"</dt><dd>{time_or(Some(user.created_at.clone()), "")}</dd>
                <dt>"Last seen"</dt><dd>{time_or(user.last_seen_at.clone(), "never")}</dd>
                <dt>"Locked"</dt><dd>{time_or(user.locked_at.clone(), "no")}</dd>
                <dt>"Deactivated"</dt><dd>{time_or(user.deactivated_at.clone(), "no")}</dd>
                {user.registration_token.clone().map(|t| view! {
                    <dt>"Registration"</dt>
                    <dd data-testid="registered-with">"Registered with token "
                        <a href=format!("/registration-tokens?token={}", urlencoding::encode(&t))><code>{t.clone()}</code></a>
                    </dd>
                })}
                <dt>"Password"</dt><dd>{if user.password_change_required { "temporary (must be changed at next login)" } else { "set by the user" }}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">"Edit profile"</h2>
            {flash("saved", "1", "Profile saved.")}
            {move || error_banner(errors.general())}
            <ActionForm action=update attr:class="stack">
                <input type="hidden" name="id" value=user.id.clone()/>
                <Field label="Display name" name="display_name" value=user.display_name.clone().unwrap_or_default()
                    hint="Leave empty to clear." error=errors.field("display_name")/>
                <Field label="Email" name="email" kind="email" value=user.email.clone().unwrap_or_default()
                    autocomplete="off" error=errors.field("email")/>
                <div class="field check">
                    <input id="field-can-request-admin" type="checkbox" name="can_request_admin"
                        checked=user.can_request_admin/>
                    <label for="field-can-request-admin">"May request administrator rights"</label>
                </div>
                <button type="submit" class="button primary">"Save profile"</button>
            </ActionForm>
        </section>
    }
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

fn action_error(actions: Actions) -> impl Fn() -> Option<AnyView> + Copy {
    move || {
        actions
            .action
            .value()
            .with(error_of)
            .or_else(|| {
                actions
                    .password
                    .value()
                    .with(error_of)
                    .filter(|e| !e.is_field_error())
            })
            .map(alert)
    }
}

#[component]
fn SecurityTab(user: User, actions: Actions) -> impl IntoView {
    let action = actions.action;
    let name = user.username.clone();
    let id = user.id.clone();
    let button = |action_name: &'static str, label: String, danger: bool| {
        view! { <ActionButton action id=id.clone() name=action_name label danger/> }.into_any()
    };
    let lock = match user.status {
        UserStatus::Locked => button("unlock", "Unlock".into(), false),
        UserStatus::Active => {
            let confirm = button("lock", format!("Lock {name}"), true);
            let explanation = format!(
                "Lock {name}? They cannot log in, their sessions end, and their tokens stop working until the account is unlocked."
            );
            view! { <Confirmed summary="Lock…".into() explanation>{confirm}</Confirmed> }.into_any()
        }
        UserStatus::Deactivated => {
            view! { <p class="muted">"A deactivated account cannot be locked."</p> }.into_any()
        }
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
    let password_error = FormErrors::of(actions.password).field("password");
    view! {
        <section class="card" aria-labelledby="password-heading">
            <h2 id="password-heading">"Password"</h2>
            {flash("password", "set", "Password set. The user's sessions were ended.")}
            {action_error(actions)}
            <p class="hint">"Setting a password signs the user out everywhere."</p>
            <ActionForm action=actions.password attr:class="stack">
                <input type="hidden" name="id" value=user.id.clone()/>
                <Field label="New password" name="password" kind="password" required=true
                    autocomplete="new-password" error=password_error/>
                <div class="field check">
                    <input id="field-temporary" type="checkbox" name="temporary"/>
                    <label for="field-temporary">"Temporary: the user must choose a new one at the next login"</label>
                </div>
                <div class="field check">
                    <input id="field-revoke-tokens" type="checkbox" name="revoke_tokens" checked/>
                    <label for="field-revoke-tokens">"Also revoke the user's API tokens"</label>
                </div>
                <button type="submit" class="button primary">"Set password"</button>
            </ActionForm>
        </section>
        <section class="card actions" aria-labelledby="access-heading">
            <h2 id="access-heading">"Access"</h2>
            <div class="action-row">{lock}{admin}</div>
        </section>
    }
}

#[component]
fn DangerTab(user: User, actions: Actions) -> impl IntoView {
    let action = actions.action;
    let name = user.username.clone();
    let id = user.id.clone();
    let button = |action_name: &'static str, label: String| {
        view! { <ActionButton action id=id.clone() name=action_name label danger=true/> }.into_any()
    };
    let deactivation = if user.status == UserStatus::Deactivated {
        let reactivate = view! { <ActionButton action id=id.clone() name="reactivate" label="Reactivate".into()/> };
        let erase = button("erase", format!("Erase {name}'s data"));
        let explanation = format!(
            "Erase {name}'s display name, email and password? This cannot be undone; the username stays reserved."
        );
        view! {
            <p>"This account is deactivated. Reactivating it lets the user log in again (with a new password if theirs was erased)."</p>
            <div class="action-row">
                {reactivate}
                <Confirmed summary="Erase personal data…".into() explanation>{erase}</Confirmed>
            </div>
        }
        .into_any()
    } else {
        let deactivate = button("deactivate", format!("Deactivate {name}"));
        let erase = button("erase", format!("Deactivate and erase {name}'s data"));
        let explanation = format!(
            "Deactivate {name}? All their sessions end and all their tokens are revoked. You can reactivate the account later. Erasing also removes their display name, email and password for good; the username stays reserved."
        );
        view! {
            <div class="action-row">
                <Confirmed summary="Deactivate…".into() explanation>{deactivate}{erase}</Confirmed>
            </div>
        }
        .into_any()
    };
    let delete_errors = FormErrors::of(actions.delete);
    let typed = RwSignal::new(String::new());
    // Only once the page runs its code can it tell whether the name matches.
    let interactive = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));
    let expected = name.clone();
    let matches = move || typed.get().trim() == expected;
    view! {
        <section class="card danger-zone" aria-labelledby="deactivate-heading">
            <h2 id="deactivate-heading">"Deactivate"</h2>
            {action_error(actions)}
            {deactivation}
        </section>
        <section class="card danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete"</h2>
            <p>{format!("Deleting {name} removes the account, its sessions and tokens for good. It cannot be restored.")}</p>
            {move || delete_errors.general().map(|e| view! { <div class="notice error" role="alert">{e}</div> })}
            <ActionForm action=actions.delete attr:class="stack">
                <input type="hidden" name="id" value=user.id.clone()/>
                <div class="field" class:has-error=move || delete_errors.field("confirm_username").get().is_some()>
                    <label for="field-confirm-username">"Type "<strong>{name.clone()}</strong>" to confirm"</label>
                    <input id="field-confirm-username" name="confirm_username" required autocomplete="off"
                        spellcheck="false" pattern=name.replace('.', "\\.") title=format!("Type {name}")
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        aria-describedby=move || delete_errors.field("confirm_username").get().map(|_| "field-confirm-username-error")/>
                    {move || delete_errors.field("confirm_username").get().map(|e| view! {
                        <p class="field-error" id="field-confirm-username-error">{e}</p>
                    })}
                </div>
                // The browser (pattern) and the server both check the name.
                <button type="submit" class="button danger" aria-disabled=move || (interactive.get() && !matches()).then_some("true")>
                    {format!("Delete {name}")}
                </button>
            </ActionForm>
        </section>
    }
}
