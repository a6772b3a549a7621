//! The panel's languages: Project Fluent messages under `locales/<code>/`,
//! compiled into both the server and the browser's WebAssembly, so a page is
//! rendered and hydrated in one language (no flash of another).
//!
//! Which language a page is in is decided once per request on the server
//! (`server::language`: the reader's stored choice, then `Accept-Language`,
//! then `[ui] default_language`) and served as `<html lang>`; the browser
//! reads it back from there.

mod errors;
mod format;

use std::borrow::Cow;

use fluent_templates::{fluent_bundle::FluentValue, LanguageIdentifier};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use errors::{english_error_text, error_text};
pub use format::relative_time;

fluent_templates::static_loader! {
    static MESSAGES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        // Text only, left to right: no isolation marks around arguments (they
        // would end up in the HTML and in every copied value).
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format::number_in_message));
        },
    };
}

/// The cookie that remembers the language chosen in a language menu (and,
/// after login, the one stored on the account).
pub const LANGUAGE_COOKIE: &str = "gatehouse_lang";
/// Where the language menus post (a plain form: works without JavaScript).
pub const LANGUAGE_PATH: &str = "/ui/language";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Fr,
    De,
    Es,
}

impl Language {
    pub const ALL: [Language; 4] = [Self::En, Self::Fr, Self::De, Self::Es];

    /// The BCP 47 code, as in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::De => "de",
            Self::Es => "es",
        }
    }

    /// `fr`, `fr-CA`, `FR`: French; anything else none.
    pub fn parse(raw: &str) -> Option<Self> {
        let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's own name for itself: how a menu offers it.
    pub fn endonym(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
            Self::De => "Deutsch",
            Self::Es => "Español",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Self::En => fluent_templates::langid!("en"),
            Self::Fr => fluent_templates::langid!("fr"),
            Self::De => fluent_templates::langid!("de"),
            Self::Es => fluent_templates::langid!("es"),
        }
    }

    /// The message `key` in this language; the key itself when there is no
    /// such message (the translation check and the end-to-end walk look for
    /// keys on pages).
    pub fn text(self, key: &str) -> String {
        self.text_with(key, &[])
    }

    pub fn text_with(self, key: &str, args: &[(&str, Arg)]) -> String {
        let args = (!args.is_empty()).then(|| {
            args.iter()
                .map(|(name, value)| (Cow::Borrowed(*name), value.0.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        });
        // This language only: a missing translation shows its key rather
        // than English, so the checks notice it.
        MESSAGES
            .lookup_single_language(&self.id(), key, args.as_ref())
            .unwrap_or_else(|_| {
                #[cfg(feature = "ssr")]
                tracing::warn!(key, language = self.code(), "no such message");
                key.to_owned()
            })
    }

    /// Picks the best of ours for an `Accept-Language` header.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let requested = fluent_langneg::accepted_languages::parse(accept_language);
        let available: Vec<LanguageIdentifier> = Self::ALL.iter().map(|l| l.id()).collect();
        fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        )
        .first()
        .and_then(|id| Self::parse(&id.to_string()))
    }
}

/// A message argument: text, or a number (formatted per language, and
/// choosing plural forms).
#[derive(Clone, Debug)]
pub struct Arg(FluentValue<'static>);

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Self(FluentValue::from(value))
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Self(FluentValue::from(value.to_owned()))
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Self(FluentValue::from(value.clone()))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Self(FluentValue::from(value))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The language of the page being drawn: provided by the shell on the
/// server (see `server::language`), read from `<html lang>` in the browser.
pub fn current() -> Language {
    if let Some(language) = use_context::<Language>() {
        return language;
    }
    #[cfg(feature = "ssr")]
    {
        crate::server::language::of_request()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|raw| Language::parse(&raw))
            .unwrap_or_default()
    }
}

/// A message in the current page's language, `t!("users-title")`,
/// `t!("users-count", count = n)`, or in a given one, `t!(language;
/// "users-title")`. Keys are literals, so the translation check finds them.
#[macro_export]
macro_rules! t {
    ($language:expr; $key:literal) => {
        $crate::i18n::Language::text($language, $key)
    };
    ($language:expr; $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Language::text_with(
            $language,
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
    ($key:literal) => {
        $crate::t!($crate::i18n::current(); $key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::t!($crate::i18n::current(); $key, $($name = $value),+)
    };
}

#[cfg(test)]
mod tests;
