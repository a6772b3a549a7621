//! What a session's User-Agent says: browser, OS and kind of device.
//!
//! Browser and OS come from the uap-core patterns (src/server/auth/uap-core, compiled
//! into the binary and built into matchers on first use); the kind of device
//! from a few well-known tokens, which is all the panel needs.

use std::sync::OnceLock;

/// The longest User-Agent kept; longer ones are cut (they are only shown).
pub const MAX_LEN: usize = 512;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub browser: Option<String>,
    pub browser_version: Option<String>,
    pub os: Option<String>,
    pub os_version: Option<String>,
    /// desktop, mobile, tablet, bot or other.
    pub device: &'static str,
}

const PATTERNS: &str = include_str!("uap-core/regexes.json");

fn extractor() -> Option<&'static ua_parser::Extractor<'static>> {
    static EXTRACTOR: OnceLock<Option<ua_parser::Extractor<'static>>> = OnceLock::new();
    EXTRACTOR
        .get_or_init(|| {
            let regexes: ua_parser::Regexes<'static> = serde_json::from_str(PATTERNS)
                .map_err(|e| tracing::error!("user-agent patterns: {e}"))
                .ok()?;
            ua_parser::Extractor::try_from(regexes)
                .map_err(|e| tracing::error!("user-agent patterns: {e}"))
                .ok()
        })
        .as_ref()
}

/// Cuts `ua` to [`MAX_LEN`] bytes on a character boundary.
pub fn truncate(ua: &str) -> &str {
    if ua.len() <= MAX_LEN {
        return ua;
    }
    let mut end = MAX_LEN;
    while !ua.is_char_boundary(end) {
        end -= 1;
    }
    &ua[..end]
}

fn version(parts: &[Option<&str>]) -> Option<String> {
    let parts: Vec<&str> = parts.iter().map_while(|p| *p).collect();
    (!parts.is_empty()).then(|| parts.join("."))
}

/// "Other" is uap's word for "not recognised".
fn known(name: &str) -> Option<String> {
    (!name.is_empty() && name != "Other").then(|| name.to_owned())
}

pub fn parse(ua: &str) -> Parsed {
    let mut parsed = Parsed {
        device: device(ua),
        ..Parsed::default()
    };
    let Some(extractor) = extractor() else {
        return parsed;
    };
    if let Some(b) = extractor.ua.extract(ua) {
        parsed.browser = known(&b.family);
        if parsed.browser.is_some() {
            parsed.browser_version = version(&[b.major, b.minor, b.patch]);
        }
    }
    if let Some(o) = extractor.os.extract(ua) {
        parsed.os = known(&o.os);
        if parsed.os.is_some() {
            parsed.os_version =
                version(&[o.major.as_deref(), o.minor.as_deref(), o.patch.as_deref()]);
        }
    }
    parsed
}

/// The kind of device, from the tokens browsers and robots announce.
fn device(ua: &str) -> &'static str {
    let ua = ua.to_ascii_lowercase();
    let has = |token: &str| ua.contains(token);
    let robot_tools = [
        "curl/",
        "wget/",
        "python-",
        "go-http-client",
        "okhttp",
        "java/",
    ];
    if ["bot", "crawl", "spider", "slurp"].iter().any(|t| has(t))
        || robot_tools.iter().any(|t| ua.starts_with(t))
    {
        "bot"
    } else if has("ipad") || has("tablet") || has("kindle") || (has("android") && !has("mobile")) {
        "tablet"
    } else if has("mobi") || has("iphone") || has("ipod") || has("android") || has("phone") {
        "mobile"
    } else if has("windows nt") || has("macintosh") || has("x11") || has("cros") {
        "desktop"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHROME_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const FIREFOX_LINUX: &str =
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const ANDROID_TABLET: &str = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const GOOGLEBOT: &str =
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    #[test]
    fn browsers_and_systems() {
        let p = parse(CHROME_WINDOWS);
        assert_eq!(p.browser.as_deref(), Some("Chrome"));
        assert_eq!(p.browser_version.as_deref(), Some("131.0.0"));
        assert_eq!(p.os.as_deref(), Some("Windows"));
        assert_eq!(p.os_version.as_deref(), Some("10"));
        assert_eq!(p.device, "desktop");

        let p = parse(FIREFOX_LINUX);
        assert_eq!(p.browser.as_deref(), Some("Firefox"));
        assert_eq!(p.browser_version.as_deref(), Some("133.0"));
        assert_eq!(p.os.as_deref(), Some("Ubuntu"));
        assert_eq!(p.device, "desktop");

        let p = parse(SAFARI_IPHONE);
        assert_eq!(p.browser.as_deref(), Some("Mobile Safari"));
        assert_eq!(p.os.as_deref(), Some("iOS"));
        assert_eq!(p.os_version.as_deref(), Some("17.5"));
        assert_eq!(p.device, "mobile");
    }

    #[test]
    fn kinds_of_device() {
        assert_eq!(parse(ANDROID_TABLET).device, "tablet");
        assert_eq!(parse(GOOGLEBOT).device, "bot");
        assert_eq!(parse("curl/8.5.0").device, "bot");
        assert_eq!(parse("").device, "other");
        assert_eq!(parse("").browser, None);
    }

    #[test]
    fn long_agents_are_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_LEN);
        let cut = truncate(&long);
        assert!(cut.len() <= MAX_LEN && cut.chars().all(|c| c == 'é'));
        assert_eq!(truncate("short"), "short");
    }
}
