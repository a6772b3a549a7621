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
    alert, error_banner, error_of, flash, time_or, AdminOnly, Confirmed, ErrorNotice, Field,
    FormErrors, StatusBadge,
};
use crate::app::format::{around_slot, SLOT};
use crate::app::CurrentUser;
use crate::model::{Me, Op, ServerRole, User, UserStatus};
use crate::server_fns::access::list_tokens;
use crate::server_fns::sessions::list_user_sessions;
use crate::server_fns::users::{
    get_user, DeleteUser, SetUserPassword, SetUserRoles, UpdateUser, UserAction,
};
use crate::t;

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

    /// Whether `me` may see this tab (the server refuses the rest anyway).
    fn shown_to(self, me: &Me) -> bool {
        match self {
            Self::Messages => me.may(Op::SendMessages),
            Self::Orgs => me.may(Op::ReadOrgs),
            Self::History => me.may(Op::ReadAudit),
            Self::Danger => me.may(Op::ManageUsers),
            _ => true,
        }
    }

    fn label(self) -> String {
        match self {
            Self::Profile => t!("user-detail-tab-profile"),
            Self::Security => t!("user-detail-tab-security"),
            Self::Tokens => t!("user-detail-tab-tokens"),
            Self::Sessions => t!("user-detail-tab-sessions"),
            Self::Messages => t!("user-detail-tab-messages"),
            Self::Contacts => t!("user-detail-tab-contacts"),
            Self::Orgs => t!("user-detail-tab-orgs"),
            Self::Apps => t!("user-detail-tab-apps"),
            Self::History => t!("user-detail-tab-history"),
            Self::Danger => t!("user-detail-tab-danger"),
        }
    }
}

#[derive(Clone, Copy)]
struct Actions {
    action: ServerAction<UserAction>,
    roles: ServerAction<SetUserRoles>,
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
        roles: ServerAction::<SetUserRoles>::new(),
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
                actions.roles.version().get(),
                actions.password.version().get(),
                actions.update.version().get(),
            )
        },
        |(id, ..)| get_user(id),
    );
    let me = expect_context::<CurrentUser>().0;
    view! {
        <Transition fallback=|| view! { <p class="loading">{t!("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let me = me.await.ok().flatten().unwrap_or_default();
                match user.await {
                    Ok(user) => view! { <UserView user tab=tab.get() actions me/> }.into_any(),
                    Err(error) => view! { <Title text=t!("user-detail-title")/><ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn UserView(user: User, tab: Tab, actions: Actions, me: Me) -> impl IntoView {
    let title = user.username.clone();
    let id = user.id.clone();
    let tabs = Tab::ALL
        .into_iter()
        .filter(|t| t.shown_to(&me))
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
        Tab::Profile => {
            view! { <ProfileTab user=user.clone() update=actions.update editable=me.may(Op::ManageUsers)/> }
                .into_any()
        }
        Tab::Security => view! { <SecurityTab user=user.clone() actions me=me.clone()/> }.into_any(),
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
                <h2 id="user-apps-heading">{t!("user-detail-app-sign-ins")}</h2>
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
            <A href="/users" attr:class="button subtle">{t!("users-back")}</A>
        </div>
        <nav class="tabs" role="tablist" aria-label=t!("user-detail-sections")>{tabs}</nav>
        <div id="tab-panel" role="tabpanel" aria-labelledby=format!("tab-{}", tab.key())>
            {panel}
        </div>
    }
}

#[component]
fn ProfileTab(user: User, update: ServerAction<UpdateUser>, editable: bool) -> impl IntoView {
    let errors = FormErrors::of(update);
    view! {
        <section class="card">
            <dl class="attributes" data-testid="user-attributes">
                <dt>{t!("user-detail-id")}</dt><dd><code>{user.id.clone()}</code></dd>
                <dt>{t!("common-username")}</dt><dd>{user.username.clone()}</dd>
                <dt>{t!("common-display-name")}</dt><dd>{user.display_name.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{t!("common-email")}</dt><dd>{user.email.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{t!("common-status")}</dt><dd><StatusBadge status=user.status/></dd>
                <dt>{t!("user-detail-server-admin")}</dt><dd>{yes_no(user.admin)}</dd>
                <dt>{t!("user-detail-roles")}</dt><dd data-testid="user-roles">{role_names(&user.roles)}</dd>
                <dt>{t!("user-detail-may-request-admin")}</dt><dd>{yes_no(user.can_request_admin)}</dd>
                <dt>{t!("common-created")}</dt><dd>{time_or(Some(user.created_at.clone()), "")}</dd>
                <dt>{t!("users-last-seen")}</dt><dd>{time_or(user.last_seen_at.clone(), t!("common-never"))}</dd>
                <dt>{t!("user-detail-locked")}</dt><dd>{time_or(user.locked_at.clone(), t!("user-detail-no"))}</dd>
                <dt>{t!("user-detail-deactivated")}</dt><dd>{time_or(user.deactivated_at.clone(), t!("user-detail-no"))}</dd>
                {user.registration_token.clone().map(|token| view! {
                    <dt>{t!("user-detail-registration")}</dt>
                    <dd data-testid="registered-with">{t!("user-detail-registered-with")}" "
                        <a href=format!("/registration-tokens?token={}", urlencoding::encode(&token))><code>{token.clone()}</code></a>
                    </dd>
                })}
                <dt>{t!("common-password")}</dt><dd>{if user.password_change_required { t!("user-detail-password-temporary") } else { t!("user-detail-password-by-user") }}</dd>
            </dl>
        </section>
        {editable.then(|| view! {
        <section class="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t!("user-detail-edit-profile")}</h2>
            {flash("saved", "1", t!("user-detail-profile-saved"))}
            {move || error_banner(errors.general())}
            <ActionForm action=update attr:class="stack">
                <input type="hidden" name="id" value=user.id.clone()/>
                <Field label=t!("common-display-name") name="display_name" value=user.display_name.clone().unwrap_or_default()
                    hint=t!("user-detail-leave-empty") error=errors.field("display_name")/>
                <Field label=t!("common-email") name="email" kind="email" value=user.email.clone().unwrap_or_default()
                    autocomplete="off" error=errors.field("email")/>
                <div class="field check">
                    <input id="field-can-request-admin" type="checkbox" name="can_request_admin"
                        checked=user.can_request_admin/>
                    <label for="field-can-request-admin">{t!("user-detail-may-request-admin-rights")}</label>
                </div>
                <button type="submit" class="button primary">{t!("user-detail-save-profile")}</button>
            </ActionForm>
        </section>
        })}
    }
}

/// Role names as the panel shows them, or "member" without any.
pub(crate) fn role_names(roles: &[String]) -> String {
    if roles.is_empty() {
        return t!("user-detail-no-roles");
    }
    roles
        .iter()
        .map(|r| ServerRole::parse(r).map_or_else(|| r.clone(), role_label))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn role_label(role: ServerRole) -> String {
    match role {
        ServerRole::ServerAdmin => t!("role-server-admin"),
        ServerRole::UserAdmin => t!("role-user-admin"),
        ServerRole::Helpdesk => t!("role-helpdesk"),
        ServerRole::Auditor => t!("role-auditor"),
    }
}

/// One checkbox per server role; the server refuses what the caller may
/// not grant.
#[component]
fn RolesForm(user: User, action: ServerAction<SetUserRoles>) -> impl IntoView {
    let errors = FormErrors::of(action);
    let boxes = ServerRole::ALL
        .into_iter()
        .rev()
        .map(|role| {
            let name = role.as_str();
            let id = format!("field-role-{name}");
            let checked = user.roles.iter().any(|r| r == name);
            view! {
                <div class="field check">
                    <input id=id.clone() type="checkbox" name=name checked=checked/>
                    <label for=id>{role_label(role)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="roles-heading">
            <h2 id="roles-heading">{t!("user-detail-roles")}</h2>
            {flash("roles", "saved", t!("user-detail-roles-saved"))}
            {move || error_banner(errors.general())}
            <p class="hint">{t!("user-detail-roles-hint")}</p>
            <ActionForm action attr:class="stack" attr:data-testid="roles-form">
                <input type="hidden" name="id" value=user.id.clone()/>
                <fieldset>
                    <legend>{t!("user-detail-roles")}</legend>
                    {boxes}
                </fieldset>
                <button type="submit" class="button primary">{t!("user-detail-save-roles")}</button>
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
fn SecurityTab(user: User, actions: Actions, me: Me) -> impl IntoView {
    let action = actions.action;
    let name = user.username.clone();
    let id = user.id.clone();
    let button = |action_name: &'static str, label: String, danger: bool| {
        view! { <ActionButton action id=id.clone() name=action_name label danger/> }.into_any()
    };
    let lock = match user.status {
        UserStatus::Locked if me.may(Op::UnlockUsers) => {
            button("unlock", t!("user-detail-unlock"), false)
        }
        UserStatus::Active if me.may(Op::ManageUsers) => {
            let confirm = button(
                "lock",
                t!("user-detail-lock-user", username = name.clone()),
                true,
            );
            let explanation = t!("user-detail-lock-explanation", username = name.clone());
            view! { <Confirmed summary=t!("user-detail-lock-summary") explanation>{confirm}</Confirmed> }.into_any()
        }
        UserStatus::Deactivated => {
            view! { <p class="muted">{t!("user-detail-cannot-lock")}</p> }.into_any()
        }
        _ => ().into_any(),
    };
    let roles = me
        .may(Op::ManageRoles)
        .then(|| view! { <RolesForm user=user.clone() action=actions.roles/> });
    let password_error = FormErrors::of(actions.password).field("password");
    let (factors_of, factors_name) = (user.id.clone(), user.username.clone());
    view! {
        <super::email::UserEmailPanel user=user.clone()/>
        {me.may(Op::ResetPasswords).then(|| view! {
        <section class="card" aria-labelledby="password-heading">
            <h2 id="password-heading">{t!("common-password")}</h2>
            {flash("password", "set", t!("user-detail-password-set"))}
            {action_error(actions)}
            <p class="hint">{t!("user-detail-password-hint")}</p>
            <ActionForm action=actions.password attr:class="stack">
                <input type="hidden" name="id" value=user.id.clone()/>
                <Field label=t!("password-new") name="password" kind="password" required=true
                    autocomplete="new-password" error=password_error/>
                <div class="field check">
                    <input id="field-temporary" type="checkbox" name="temporary"/>
                    <label for="field-temporary">{t!("user-detail-temporary")}</label>
                </div>
                <div class="field check">
                    <input id="field-revoke-tokens" type="checkbox" name="revoke_tokens" checked/>
                    <label for="field-revoke-tokens">{t!("user-detail-revoke-tokens")}</label>
                </div>
                <button type="submit" class="button primary">{t!("user-detail-set-password")}</button>
            </ActionForm>
        </section>
        })}
        <section class="card actions" aria-labelledby="access-heading">
            <h2 id="access-heading">{t!("user-detail-access")}</h2>
            <div class="action-row">{lock}</div>
        </section>
        {roles}
        <super::security::UserFactorsPanel user_id=factors_of username=factors_name/>
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
        let reactivate = view! { <ActionButton action id=id.clone() name="reactivate" label=t!("user-detail-reactivate")/> };
        let erase = button("erase", t!("user-detail-erase", username = name.clone()));
        let explanation = t!("user-detail-erase-explanation", username = name.clone());
        view! {
            <p>{t!("user-detail-deactivated-body")}</p>
            <div class="action-row">
                {reactivate}
                <Confirmed summary=t!("user-detail-erase-summary") explanation>{erase}</Confirmed>
            </div>
        }
        .into_any()
    } else {
        let deactivate = button(
            "deactivate",
            t!("user-detail-deactivate-user", username = name.clone()),
        );
        let erase = button(
            "erase",
            t!("user-detail-deactivate-erase", username = name.clone()),
        );
        let explanation = t!(
            "user-detail-deactivate-explanation",
            username = name.clone()
        );
        view! {
            <div class="action-row">
                <Confirmed summary=t!("user-detail-deactivate-summary") explanation>{deactivate}{erase}</Confirmed>
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
    let confirm_label = with_name_in_bold(t!("user-detail-delete-type", username = SLOT), &name);
    view! {
        <section class="card danger-zone" aria-labelledby="deactivate-heading">
            <h2 id="deactivate-heading">{t!("user-detail-deactivate")}</h2>
            {action_error(actions)}
            {deactivation}
        </section>
        <section class="card danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{t!("common-delete")}</h2>
            <p>{t!("user-detail-delete-body", username = name.clone())}</p>
            {move || delete_errors.general().map(|e| view! { <div class="notice error" role="alert">{e}</div> })}
            <ActionForm action=actions.delete attr:class="stack">
                <input type="hidden" name="id" value=user.id.clone()/>
                <div class="field" class:has-error=move || delete_errors.field("confirm_username").get().is_some()>
                    <label for="field-confirm-username">{confirm_label}</label>
                    <input id="field-confirm-username" name="confirm_username" required autocomplete="off"
                        spellcheck="false" pattern=name.replace('.', "\\.") title=t!("user-detail-delete-type-title", username = name.clone())
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        aria-describedby=move || delete_errors.field("confirm_username").get().map(|_| "field-confirm-username-error")/>
                    {move || delete_errors.field("confirm_username").get().map(|e| view! {
                        <p class="field-error" id="field-confirm-username-error">{e}</p>
                    })}
                </div>
                // The browser (pattern) and the server both check the name.
                <button type="submit" class="button danger" aria-disabled=move || (interactive.get() && !matches()).then_some("true")>
                    {t!("user-detail-delete-user", username = name.clone())}
                </button>
            </ActionForm>
        </section>
    }
}

/// "yes" or "no", as the attributes list writes them.
fn yes_no(value: bool) -> String {
    if value {
        t!("user-detail-yes")
    } else {
        t!("user-detail-no")
    }
}

/// A message with [`SLOT`] for the username, the name in bold (wherever
/// the language puts it).
fn with_name_in_bold(text: String, name: &str) -> AnyView {
    let (before, after) = around_slot(text);
    view! { {before}<strong>{name.to_owned()}</strong>{after} }.into_any()
}
