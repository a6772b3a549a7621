//! Which protected application a request is for. Host names are compared
//! in their ASCII form (IDNA), without case or a trailing dot; a pattern
//! without a port matches any port. `*.example.org` matches every name
//! below example.org (not example.org itself). Path prefixes match whole
//! segments of the decoded, normalised path, so `/%61dmin` or `/x/../admin`
//! cannot slip past a rule on `/admin`.

/// A host as a request names it (`Host` or `X-Forwarded-Host`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestHost {
    pub name: String,
    pub port: Option<u16>,
}

/// A host an application protects, as an administrator wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPattern {
    wildcard: bool,
    name: String,
    port: Option<u16>,
}

/// Parses `name[:port]` (IPv6 in brackets) into its canonical parts; None
/// for anything that is not a host.
pub fn parse_host(raw: &str) -> Option<RequestHost> {
    let raw = raw.trim();
    if raw.is_empty()
        || raw
            .bytes()
            .any(|b| !b.is_ascii_graphic() && b < 0x80 || b"/\\@?#%".contains(&b))
    {
        return None;
    }
    let url = url::Url::parse(&format!("http://{raw}/")).ok()?;
    let name = url.host_str()?.trim_end_matches('.').to_owned();
    if name.is_empty() || url.path() != "/" || !url.username().is_empty() {
        return None;
    }
    // `Url` forgets the scheme's default port; a host names it rarely, and
    // then it means that port.
    let port = url.port().or_else(|| raw.ends_with(":80").then_some(80));
    Some(RequestHost { name, port })
}

impl HostPattern {
    /// `app.example.org`, `*.example.org`, either with `:port`.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let (wildcard, rest) = match raw.trim().strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, raw.trim()),
        };
        if rest.contains('*') {
            return Err("A wildcard is only allowed as the first label (*.example.org).");
        }
        let host = parse_host(rest).ok_or("Not a host name (name or name:port).")?;
        if wildcard && !host.name.contains('.') {
            return Err("A wildcard needs a domain of at least two labels (*.example.org).");
        }
        Ok(Self {
            wildcard,
            name: host.name,
            port: host.port,
        })
    }

    pub fn matches(&self, host: &RequestHost) -> bool {
        if self.port.is_some() && self.port != host.port {
            return false;
        }
        if self.wildcard {
            host.name
                .strip_suffix(&self.name)
                .is_some_and(|below| below.len() > 1 && below.ends_with('.'))
        } else {
            host.name == self.name
        }
    }

    /// Higher is more specific: an exact name beats a wildcard, a longer
    /// domain a shorter one, a port none.
    pub fn specificity(&self) -> usize {
        (usize::from(!self.wildcard) << 16)
            + (self.name.len() << 1)
            + usize::from(self.port.is_some())
    }
}

impl std::fmt::Display for HostPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.wildcard {
            f.write_str("*.")?;
        }
        f.write_str(&self.name)?;
        match self.port {
            Some(port) => write!(f, ":{port}"),
            None => Ok(()),
        }
    }
}

/// The path of a request URI, percent-decoded, without its query, with
/// `.` and `..` segments resolved and repeated slashes merged.
pub fn normalize_path(uri: &str) -> String {
    let path = uri.split(['?', '#']).next().unwrap_or("");
    let decoded = urlencoding::decode_binary(path.as_bytes());
    let decoded = String::from_utf8_lossy(&decoded);
    let mut segments: Vec<&str> = Vec::new();
    for segment in decoded.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut out = String::with_capacity(decoded.len() + 1);
    for s in &segments {
        out.push('/');
        out.push_str(s);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// A path prefix as stored: normalised, `/` alone for "everything".
pub fn parse_prefix(raw: &str) -> Result<String, &'static str> {
    let raw = raw.trim();
    if !raw.starts_with('/') || raw.contains(['?', '#']) || raw.chars().any(char::is_whitespace) {
        return Err("A path prefix starts with / and has no query, fragment or space.");
    }
    Ok(normalize_path(raw))
}

/// Whether the normalised `path` is `prefix` or below it.
pub fn path_matches(prefix: &str, path: &str) -> bool {
    prefix == "/"
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(raw: &str) -> RequestHost {
        parse_host(raw).unwrap_or_else(|| panic!("{raw:?} should parse"))
    }

    #[test]
    fn hosts_are_compared_without_case_trailing_dot_or_unicode() {
        assert_eq!(host("App.Example.ORG.").name, "app.example.org");
        assert_eq!(host("app.example.org:8443").port, Some(8443));
        assert_eq!(host("bücher.example").name, "xn--bcher-kva.example");
        assert_eq!(host("[::1]:3000").name, "[::1]");
        assert_eq!(host("127.0.0.1").name, "127.0.0.1");
        for bad in [
            "",
            "a b",
            "evil.org/x",
            "user@evil.org",
            "a?b",
            "a%2fb",
            "a\\b",
            "a:99999",
        ] {
            assert_eq!(parse_host(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn exact_and_wildcard_patterns() {
        let exact = HostPattern::parse("Docs.Example.org").unwrap();
        assert!(exact.matches(&host("docs.example.org")));
        assert!(exact.matches(&host("DOCS.example.org.:443")));
        assert!(!exact.matches(&host("x.docs.example.org")));

        let wild = HostPattern::parse("*.example.org").unwrap();
        assert!(wild.matches(&host("a.example.org")));
        assert!(wild.matches(&host("b.a.example.org")));
        assert!(!wild.matches(&host("example.org")));
        assert!(!wild.matches(&host("badexample.org")));

        let ported = HostPattern::parse("app.example.org:8443").unwrap();
        assert!(ported.matches(&host("app.example.org:8443")));
        assert!(!ported.matches(&host("app.example.org")));
        assert!(!ported.matches(&host("app.example.org:9000")));

        let idn = HostPattern::parse("*.bücher.example").unwrap();
        assert!(idn.matches(&host("www.xn--bcher-kva.example")));
        assert_eq!(idn.to_string(), "*.xn--bcher-kva.example");

        assert!(exact.specificity() > wild.specificity());
        let unported = HostPattern::parse("app.example.org").unwrap();
        assert!(ported.specificity() > unported.specificity());
        for bad in [
            "*",
            "*.org",
            "a.*.org",
            "**.example.org",
            "https://a.example.org",
            "",
        ] {
            assert!(HostPattern::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn paths_match_whole_decoded_segments() {
        assert_eq!(normalize_path("/a//b/./c/../d?x=1"), "/a/b/d");
        assert_eq!(normalize_path("/%61dmin/"), "/admin");
        assert_eq!(normalize_path("/../../etc"), "/etc");
        assert_eq!(normalize_path(""), "/");
        assert!(path_matches("/admin", "/admin"));
        assert!(path_matches("/admin", "/admin/users"));
        assert!(!path_matches("/admin", "/administrator"));
        assert!(path_matches("/", "/anything"));
        assert!(path_matches("/admin", &normalize_path("/x/..%2Fadmin")));
        assert_eq!(parse_prefix("/admin/").unwrap(), "/admin");
        assert!(parse_prefix("admin").is_err());
        assert!(parse_prefix("/a?b").is_err());
    }
}
