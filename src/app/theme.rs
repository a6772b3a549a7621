//! Light, dark or the system's colours: chosen in the header, remembered in
//! a cookie, and served on `<html data-theme>` so the first paint already
//! has them (no script runs before it).

use leptos::prelude::*;

use crate::t;

/// The cookie that remembers the choice (absent: the system's).
pub const THEME_COOKIE: &str = "gatehouse_theme";
/// Where the header's switch posts (a plain form: it works without
/// JavaScript).
pub const THEME_PATH: &str = "/ui/theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    System,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Self::Light, Self::Dark, Self::System];

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::System => "system",
        }
    }

    fn label(self) -> String {
        match self {
            Self::Light => t!("theme-light"),
            Self::Dark => t!("theme-dark"),
            Self::System => t!("theme-system"),
        }
    }

    /// `data-theme` of `<html>`: none follows the system.
    pub fn attribute(self) -> Option<&'static str> {
        (self != Self::System).then(|| self.as_str())
    }
}

/// The theme of the page being drawn: the request's cookie on the server,
/// what `<html>` was served with in the browser.
pub fn current() -> Theme {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .and_then(|parts| {
                crate::server::cookies::value(&parts.headers, THEME_COOKIE).and_then(Theme::parse)
            })
            .unwrap_or(Theme::System)
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("data-theme"))
            .and_then(|raw| Theme::parse(&raw))
            .unwrap_or(Theme::System)
    }
}

/// Three buttons in the header; the pressed one is the current theme.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let back = move || format!("{}{}", location.pathname.get(), location.search.get());
    let now = current();
    view! {
        <form method="post" action=THEME_PATH class="theme-switch" role="group" aria-label=t!("theme-switch")>
            <input type="hidden" name="back" value=back/>
            {Theme::ALL.into_iter().map(|theme| view! {
                <button type="submit" name="theme" value=theme.as_str() class="button subtle"
                    aria-pressed=if theme == now { "true" } else { "false" }>{theme.label()}</button>
            }).collect_view()}
        </form>
    }
}
