//! The language menu of the public pages (login, registration, setup): a
//! plain form, so it works before and without WebAssembly.

use leptos::prelude::*;

use crate::{
    i18n::{self, Language, LANGUAGE_PATH},
    t,
};

#[component]
pub fn LanguageMenu() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let back = move || format!("{}{}", location.pathname.get(), location.search.get());
    let now = i18n::current();
    view! {
        <form method="post" action=LANGUAGE_PATH class="language-menu">
            <input type="hidden" name="back" value=back/>
            <label for="language-menu">{t!("language-menu")}</label>
            <select id="language-menu" name="language">
                {Language::ALL.into_iter().map(|language| view! {
                    <option value=language.code() lang=language.code() selected=language == now>
                        {language.endonym()}
                    </option>
                }).collect_view()}
            </select>
            <button type="submit" class="button subtle">{t!("language-choose")}</button>
        </form>
    }
}
