//! The letters Gatehouse sends: Fluent texts (`locales/*/mail.ftl`) in the
//! reader's language, as plain text and as simple HTML with one button.

use crate::i18n::{Arg, Language};
use crate::server::oidc::page::esc as escape;

/// A composed message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A security notice a user may switch off on `/account`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    PasswordChanged,
    FactorAdded,
    FactorRemoved,
    NewSignIn,
}

impl Notice {
    /// The switch that covers this notice (`password`, `factors`, `sign_in`).
    pub fn switch(self) -> &'static str {
        match self {
            Self::PasswordChanged => "password",
            Self::FactorAdded | Self::FactorRemoved => "factors",
            Self::NewSignIn => "sign_in",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::PasswordChanged => "mail-notice-password",
            Self::FactorAdded => "mail-notice-factor-added",
            Self::FactorRemoved => "mail-notice-factor-removed",
            Self::NewSignIn => "mail-notice-sign-in",
        }
    }
}

/// What goes into one letter before it is laid out.
struct Draft<'a> {
    language: Language,
    site: &'a str,
    subject: String,
    paragraphs: Vec<String>,
    /// The button: its label and link.
    action: Option<(String, String)>,
    footer: Option<String>,
}

impl Draft<'_> {
    fn text(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.language.text_with(key, args)
    }

    fn finish(self) -> Letter {
        let signature = self.text("mail-signature", &[("site", self.site.into())]);
        let mut text = String::new();
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family:sans-serif;line-height:1.5;color:#1f2933;max-width:36rem\">",
            self.language.code(),
            escape(&self.subject)
        );
        for p in &self.paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
            html.push_str(&format!("<p>{}</p>", escape(p)));
        }
        if let Some((label, link)) = &self.action {
            let hint = self.text("mail-link-hint", &[]);
            text.push_str(&format!("{label}:\n{link}\n\n"));
            html.push_str(&format!(
                "<p><a href=\"{0}\" style=\"display:inline-block;padding:.6rem 1.2rem;background:#1d4ed8;\
                 color:#fff;border-radius:.4rem;text-decoration:none\">{1}</a></p>\
                 <p style=\"font-size:.9em;color:#52606d\">{2}<br>{0}</p>",
                escape(link),
                escape(label),
                escape(&hint)
            ));
        }
        text.push_str(&signature);
        text.push('\n');
        html.push_str(&format!("<p>{}</p>", escape(&signature)));
        if let Some(footer) = &self.footer {
            text.push_str(&format!("\n--\n{footer}\n"));
            html.push_str(&format!(
                "<hr><p style=\"font-size:.85em;color:#52606d\">{}</p>",
                escape(footer)
            ));
        }
        html.push_str("</body></html>");
        Letter {
            subject: self.subject,
            text,
            html,
        }
    }
}

fn draft<'a>(language: Language, site: &'a str, subject: String) -> Draft<'a> {
    Draft {
        language,
        site,
        subject,
        paragraphs: Vec::new(),
        action: None,
        footer: None,
    }
}

fn greeting(language: Language, name: &str) -> String {
    language.text_with("mail-greeting", &[("name", name.into())])
}

/// "Confirm your address", valid 24 hours.
pub fn verify(language: Language, site: &str, username: &str, link: &str) -> Letter {
    let mut d = draft(language, site, language.text("mail-verify-subject"));
    d.paragraphs.push(greeting(language, username));
    d.paragraphs.push(d.text(
        "mail-verify-body",
        &[("username", username.into()), ("site", site.into())],
    ));
    d.action = Some((d.text("mail-verify-action", &[]), link.to_owned()));
    d.finish()
}

/// "Choose a new password", valid one hour.
pub fn reset(language: Language, site: &str, username: &str, link: &str) -> Letter {
    let mut d = draft(language, site, language.text("mail-reset-subject"));
    d.paragraphs.push(greeting(language, username));
    d.paragraphs.push(d.text(
        "mail-reset-body",
        &[("username", username.into()), ("site", site.into())],
    ));
    d.paragraphs.push(d.text("mail-reset-ignore", &[]));
    d.action = Some((d.text("mail-reset-action", &[]), link.to_owned()));
    d.finish()
}

/// An invitation to register; `org`: the organisation and role it joins.
pub fn invitation(
    language: Language,
    site: &str,
    inviter: &str,
    expires: &str,
    org: Option<(&str, &str)>,
    link: &str,
) -> Letter {
    let mut d = draft(
        language,
        site,
        language.text_with("mail-invitation-subject", &[("site", site.into())]),
    );
    d.paragraphs.push(d.text(
        "mail-invitation-body",
        &[
            ("inviter", inviter.into()),
            ("site", site.into()),
            ("expires", expires.into()),
        ],
    ));
    if let Some((org, role)) = org {
        d.paragraphs.push(d.text(
            "mail-invitation-org",
            &[("org", org.into()), ("role", role.into())],
        ));
    }
    d.action = Some((d.text("mail-invitation-action", &[]), link.to_owned()));
    d.finish()
}

/// A security notice; `detail` names the factor or the device, `account`
/// is where the notices are switched off.
#[allow(clippy::too_many_arguments)]
pub fn notice(
    language: Language,
    site: &str,
    kind: Notice,
    username: &str,
    when: &str,
    detail: &str,
    account: &str,
) -> Letter {
    let key = kind.key();
    let mut d = draft(language, site, language.text(&format!("{key}-subject")));
    d.paragraphs.push(greeting(language, username));
    d.paragraphs.push(d.text(
        &format!("{key}-body"),
        &[
            ("username", username.into()),
            ("when", when.into()),
            ("detail", detail.into()),
        ],
    ));
    d.paragraphs.push(d.text("mail-notice-not-you", &[]));
    d.footer = Some(d.text("mail-notice-footer", &[("link", account.into())]));
    d.finish()
}

/// `gatehouse email test`.
pub fn test(language: Language, site: &str, host: &str) -> Letter {
    let mut d = draft(
        language,
        site,
        language.text_with("mail-test-subject", &[("site", site.into())]),
    );
    d.paragraphs.push(d.text(
        "mail-test-body",
        &[("site", site.into()), ("host", host.into())],
    ));
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_has_both_halves_and_escapes_html() {
        let letter = reset(
            Language::En,
            "gh.example.org",
            "<alice>",
            "https://gh.example.org/reset-password?token=a&b",
        );
        assert!(letter
            .text
            .contains("https://gh.example.org/reset-password?token=a&b"));
        assert!(letter.html.contains("token=a&amp;b"));
        assert!(letter.html.contains("&lt;alice&gt;") && !letter.html.contains("<alice>"));
        assert!(!letter.subject.starts_with("mail-"), "{}", letter.subject);
    }

    #[test]
    fn every_letter_exists_in_every_language() {
        for language in Language::ALL {
            let letters = [
                verify(language, "s", "u", "l"),
                reset(language, "s", "u", "l"),
                invitation(language, "s", "i", "e", Some(("o", "r")), "l"),
                notice(language, "s", Notice::PasswordChanged, "u", "w", "d", "a"),
                notice(language, "s", Notice::FactorAdded, "u", "w", "d", "a"),
                notice(language, "s", Notice::FactorRemoved, "u", "w", "d", "a"),
                notice(language, "s", Notice::NewSignIn, "u", "w", "d", "a"),
                test(language, "s", "h"),
            ];
            for letter in letters {
                assert!(
                    !letter.text.contains("mail-"),
                    "{language:?}: {}",
                    letter.text
                );
                assert!(
                    !letter.subject.contains("mail-"),
                    "{language:?}: {}",
                    letter.subject
                );
            }
        }
    }
}
