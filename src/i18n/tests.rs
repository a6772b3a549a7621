//! The translation check: every language has every message English has (in
//! the same file, with the same arguments), every file parses, no message is
//! defined twice, and every key the code asks for exists.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use fluent_syntax::{
    ast::{Entry, Expression, InlineExpression, Pattern, PatternElement},
    parser,
};

use super::*;

const LOCALES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/locales");

/// Message id (and `id.attribute`) → the variables it uses, per file.
type Messages = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn variables(pattern: &Pattern<String>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &Expression<String>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                variables(&variant.value, found);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &InlineExpression<String>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

fn read_language(language: Language) -> Messages {
    let dir = Path::new(LOCALES).join(language.code());
    let mut files = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".ftl"),
            "{}: not a .ftl file",
            path.display()
        );
        let text = fs::read_to_string(&path).unwrap();
        let resource = parser::parse(text).unwrap_or_else(|(_, errors)| {
            panic!("{}: {errors:?}", path.display());
        });
        let mut messages = BTreeMap::new();
        for entry in resource.body {
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name.clone();
                    assert!(
                        seen.insert(id.clone()),
                        "{}: `{id}` is defined twice",
                        path.display()
                    );
                    let mut used = BTreeSet::new();
                    if let Some(value) = &message.value {
                        variables(value, &mut used);
                    }
                    messages.insert(id.clone(), used);
                    for attribute in &message.attributes {
                        let mut used = BTreeSet::new();
                        variables(&attribute.value, &mut used);
                        messages.insert(format!("{id}.{}", attribute.id.name), used);
                    }
                }
                Entry::Junk { content } => panic!("{}: cannot read {content:?}", path.display()),
                _ => {}
            }
        }
        files.insert(name, messages);
    }
    files
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let english = read_language(Language::En);
    assert!(!english.is_empty());
    for language in Language::ALL.into_iter().skip(1) {
        let other = read_language(language);
        let code = language.code();
        let files: BTreeSet<_> = english.keys().chain(other.keys()).collect();
        for file in files {
            let (Some(en), Some(theirs)) = (english.get(file), other.get(file)) else {
                panic!("{file}: present in only one of en and {code}");
            };
            let missing: Vec<_> = en.keys().filter(|k| !theirs.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{code}/{file} lacks {missing:?}");
            let extra: Vec<_> = theirs.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(
                extra.is_empty(),
                "{code}/{file} has {extra:?}, which en/{file} lacks"
            );
            for (key, used) in theirs {
                assert!(
                    used.is_subset(&en[key]),
                    "{code}/{file}: `{key}` uses {used:?}; the English one offers {:?}",
                    en[key]
                );
            }
        }
    }
}

pub(super) fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The literal keys of the `t!` calls.
fn keys_in_code() -> BTreeMap<String, PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    // This module's own examples and tests name keys that need not exist.
    files.retain(|f| !f.components().any(|c| c.as_os_str() == "i18n"));
    let mut keys = BTreeMap::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("t!(") {
            // `format!("…"` is not `t!("…"`.
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // `t!("key"` or `t!(language; "key"`.
            let rest = &text[at + 3..];
            let Some(open) = rest.find('"').filter(|o| !rest[..*o].contains(')')) else {
                continue;
            };
            let rest = &rest[open + 1..];
            let key = &rest[..rest.find('"').unwrap_or(0)];
            if !key.is_empty() {
                keys.insert(key.to_owned(), path.clone());
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_asks_for_exists() {
    let english: BTreeSet<String> = read_language(Language::En)
        .into_values()
        .flat_map(|m| m.into_keys())
        .collect();
    let keys = keys_in_code();
    assert!(
        keys.len() > 20,
        "the scan found too few keys: {}",
        keys.len()
    );
    let unknown: Vec<_> = keys
        .iter()
        .filter(|(key, _)| !english.contains(*key))
        .map(|(key, path)| format!("{key} ({})", path.display()))
        .collect();
    assert!(unknown.is_empty(), "no such message: {unknown:?}");
}

#[test]
fn messages_resolve_in_every_language_and_missing_ones_show_their_key() {
    for language in Language::ALL {
        assert_ne!(language.text("common-save"), "common-save");
        assert_eq!(language.text("no-such-message"), "no-such-message");
    }
    assert_eq!(Language::Fr.text("common-save"), "Enregistrer");
}

#[test]
fn plurals_and_numbers_follow_the_language() {
    let seen = |l: Language, n: u64| l.text_with("common-showing", &[("count", n.into())]);
    assert_eq!(seen(Language::En, 1), "1 result");
    assert_eq!(seen(Language::En, 1234), "1,234 results");
    assert_eq!(seen(Language::De, 1234), "1.234 Ergebnisse");
    // French: one for 0 and 1, and a (narrow) no-break space between groups.
    assert_eq!(seen(Language::Fr, 0), "0 résultat");
    assert!(
        seen(Language::Fr, 1234).starts_with("1\u{202f}234")
            || seen(Language::Fr, 1234).starts_with("1\u{a0}234")
    );
    assert_eq!(Language::De.number(1_234_567), "1.234.567");
}

#[test]
fn dates_and_relative_times_follow_the_language() {
    let at = "2026-11-22T15:04:05Z";
    assert_eq!(Language::En.date_time(at), "11/22/2026 15:04");
    assert_eq!(Language::De.date_time(at), "22.11.2026 15:04");
    assert_eq!(Language::Fr.date(at), "22/11/2026");
    assert_eq!(Language::Fr.date_time("soon"), "soon");
    let now = "2026-11-22T15:07:05Z";
    assert_eq!(
        relative_time(Language::En, at, now).unwrap(),
        "3 minutes ago"
    );
    assert_eq!(
        relative_time(Language::De, at, now).unwrap(),
        "vor 3 Minuten"
    );
    assert_eq!(
        relative_time(Language::Es, at, at).unwrap(),
        "hace 0 segundos"
    );
}

#[test]
fn languages_are_parsed_and_negotiated() {
    assert_eq!(Language::parse("fr-CA"), Some(Language::Fr));
    assert_eq!(Language::parse("DE"), Some(Language::De));
    assert_eq!(Language::parse("pt"), None);
    assert_eq!(
        Language::negotiate("pt-BR, es;q=0.8, en;q=0.5"),
        Some(Language::Es)
    );
    assert_eq!(Language::negotiate("de-AT"), Some(Language::De));
    assert_eq!(Language::negotiate("ja"), None);
}
