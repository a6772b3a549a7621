//! The panel's language: the account's stored choice (followed at login),
//! then the language menu's cookie, then `Accept-Language`, then
//! `[ui] default_language`; served as `<html lang>` with the page in it.

use crate::common::{spawn_app, spawn_app_with, Auth, Reply};
use gatehouse::i18n::Language;

fn html_lang(reply: &Reply) -> String {
    let start = reply
        .body
        .find("<html")
        .unwrap_or_else(|| panic!("{} {}", reply.status, reply.body));
    let tag = &reply.body[start..start + reply.body[start..].find('>').unwrap()];
    let lang = tag.split("lang=\"").nth(1).unwrap_or_default();
    lang[..lang.find('"').unwrap_or(0)].to_owned()
}

fn set_cookie<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    reply
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, v)| v.as_str())
        .find(|v| v.starts_with(&format!("{name}=")))
}

#[test]
fn the_page_is_served_in_the_readers_language() {
    let app = spawn_app();
    app.create_user("lang_admin", Some("admin-password-1"), true);
    let login_in =
        |headers: &[(&str, &str)]| app.request("GET", "/login", Auth::None, headers, None);
    let english = login_in(&[]);
    assert_eq!(html_lang(&english), "en");
    assert!(english.body.contains("Log in to Gatehouse"));

    let german = login_in(&[("Accept-Language", "de-CH, de;q=0.9, en;q=0.5")]);
    assert_eq!(html_lang(&german), "de");
    assert!(
        german.body.contains("Bei Gatehouse anmelden"),
        "{}",
        german.body
    );
    assert!(!german.body.contains("Log in to Gatehouse"));

    // The menu's cookie wins over the browser's wish.
    let french = login_in(&[("Accept-Language", "de"), ("Cookie", "gatehouse_lang=fr")]);
    assert_eq!(html_lang(&french), "fr");
    assert!(french.body.contains("Connexion à Gatehouse"));

    // A language nobody offers: the server's default.
    assert_eq!(html_lang(&login_in(&[("Accept-Language", "ja")])), "en");
}

#[test]
fn the_language_menu_sets_its_cookie_and_refuses_unknown_languages() {
    let app = spawn_app();
    let choose = |form: &str| {
        app.post_form(
            "/ui/language",
            Auth::None,
            &[("Origin", app.base.as_str())],
            form,
        )
    };
    let spanish = choose("language=es&back=%2Flogin%3Fnext%3D%252Fusers");
    assert_eq!(spanish.status, 303, "{}", spanish.body);
    assert_eq!(spanish.header("location"), Some("/login?next=%2Fusers"));
    assert!(set_cookie(&spanish, "gatehouse_lang")
        .unwrap()
        .starts_with("gatehouse_lang=es;"));
    // Empty: back to the browser's; a foreign return address is not followed.
    let browser = choose("language=&back=https%3A%2F%2Fevil.example%2F");
    assert_eq!(browser.header("location"), Some("/"));
    assert!(set_cookie(&browser, "gatehouse_lang")
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(choose("language=xx").status, 400);
}

#[test]
fn the_account_language_is_stored_and_follows_the_user_to_a_new_browser() {
    let app = spawn_app();
    app.create_user("polyglot", Some("member-password-1"), false);
    let cookie = app.login("polyglot", "member-password-1");
    let save = |form: &str| {
        app.post_form(
            "/api/account/language",
            Auth::Cookie(&cookie),
            &[("Origin", app.base.as_str())],
            form,
        )
    };
    let saved = save("language=de");
    assert!(saved.status < 400, "{} {}", saved.status, saved.body);
    assert!(set_cookie(&saved, "gatehouse_lang")
        .unwrap()
        .starts_with("gatehouse_lang=de;"));
    assert!(save("language=klingon").status >= 400);

    // Another browser: the login hands it the stored language.
    let login = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=polyglot&password=member-password-1",
    );
    assert!(login.status < 400, "{}", login.body);
    let handed = set_cookie(&login, "gatehouse_lang").expect("the language cookie");
    assert!(handed.starts_with("gatehouse_lang=de;"), "{handed}");
    let session = login.session_cookie().unwrap();
    let page = app.get(
        "/account",
        Auth::Cookie(&format!("{session}; gatehouse_lang=de")),
    );
    assert_eq!(html_lang(&page), "de");
    assert!(page.body.contains("Mein Konto"), "{}", page.body);

    // Back to the browser's language: nothing stored, the cookie goes.
    let cleared = save("language=");
    assert!(set_cookie(&cleared, "gatehouse_lang")
        .unwrap()
        .contains("Max-Age=0"));
    let login = app.post_form(
        "/api/auth/login",
        Auth::None,
        &[],
        "username=polyglot&password=member-password-1",
    );
    assert!(set_cookie(&login, "gatehouse_lang").is_none());
}

#[test]
fn the_server_default_applies_when_the_browser_asks_for_nothing_we_have() {
    let app = spawn_app_with(|config| config.default_language = Language::Es);
    app.create_user("es_admin", Some("admin-password-1"), true);
    let page = app.request(
        "GET",
        "/login",
        Auth::None,
        &[("Accept-Language", "ja")],
        None,
    );
    assert_eq!(html_lang(&page), "es");
    assert!(page.body.contains("Iniciar sesión en Gatehouse"));
    let page = app.request(
        "GET",
        "/login",
        Auth::None,
        &[("Accept-Language", "fr")],
        None,
    );
    assert_eq!(html_lang(&page), "fr");
}
