//! The panel's static files (wasm, JS, CSS, Swagger UI, favicon), served from
//! memory: embedded in the release binary (`src/main.rs`, feature
//! `embed-site`), or read once at start from a site root on disk
//! (`server.site_root`; `target/site` for a build without the feature).
//!
//! Each file is offered as cargo-leptos precompressed it (brotli, gzip) by
//! the client's `Accept-Encoding`. Pages link to content-addressed URLs,
//! `/assets/{hash}/{path}`, cached for a year as `immutable`; the plain path
//! stays served with `no-cache` and an `ETag` for anything that links to it.

use std::{borrow::Cow, collections::HashMap, path::Path};

use axum::{
    body::Body,
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    response::Response,
};
use sha2::{Digest, Sha256};

/// One file of the site as the binary embeds it (`src/main.rs`).
pub struct EmbeddedFile {
    pub path: &'static str,
    pub raw: &'static [u8],
    pub gzip: Option<&'static [u8]>,
    pub brotli: Option<&'static [u8]>,
}

static EMBEDDED: std::sync::OnceLock<&'static [EmbeddedFile]> = std::sync::OnceLock::new();

/// Called by the binary before anything starts: the site it carries. Only
/// the binary embeds it, so a new panel build relinks the binary and leaves
/// the library and its tests as they were.
pub fn embed(files: &'static [EmbeddedFile]) {
    let _ = EMBEDDED.set(files);
}

/// Where content-addressed URLs start.
const HASHED_PREFIX: &str = "/assets/";
/// The panel's own files, which the hydration script finds under one root.
const PKG_FILES: [&str; 2] = ["pkg/gatehouse.js", "pkg/gatehouse.wasm"];
pub const STYLESHEET: &str = "pkg/gatehouse.css";

struct Asset {
    raw: Cow<'static, [u8]>,
    gzip: Option<Cow<'static, [u8]>>,
    brotli: Option<Cow<'static, [u8]>>,
    content_type: &'static str,
    /// Hex digest of the raw bytes; the `ETag` and the URL's hash.
    hash: String,
}

/// The site, indexed by path relative to the site root (`pkg/gatehouse.css`).
pub struct Assets {
    files: HashMap<String, Asset>,
    /// One hash for the panel's JS and wasm, which change together.
    pkg_hash: String,
    pub source: String,
}

impl Assets {
    /// The files this binary carries, or `None` when it was built without a
    /// compiled panel.
    pub fn embedded() -> Option<Self> {
        let embedded = EMBEDDED.get().filter(|files| !files.is_empty())?;
        let files = embedded.iter().map(|f| {
            let asset = Asset::new(
                f.path,
                Cow::Borrowed(f.raw),
                f.gzip.map(Cow::Borrowed),
                f.brotli.map(Cow::Borrowed),
            );
            (f.path.to_owned(), asset)
        });
        Some(Self::index(
            files.collect(),
            "embedded in the binary".into(),
        ))
    }

    /// Reads a site root (as cargo-leptos writes it) into memory.
    pub fn from_dir(root: &Path) -> std::io::Result<Self> {
        let mut files = HashMap::new();
        read_dir(root, root, &mut files)?;
        if files.is_empty() {
            tracing::warn!(
                "the site root {} holds no files: the panel will not load (build it with scripts/build.sh)",
                root.display()
            );
        }
        Ok(Self::index(files, root.display().to_string()))
    }

    fn index(files: HashMap<String, Asset>, source: String) -> Self {
        let mut pkg = Sha256::new();
        for name in PKG_FILES {
            pkg.update(files.get(name).map_or("", |a| a.hash.as_str()));
        }
        let pkg_hash = short_hex(&pkg.finalize());
        Self {
            files,
            pkg_hash,
            source,
        }
    }

    /// The URL prefix under which the hydration script finds `pkg/…`.
    pub fn pkg_root(&self) -> String {
        format!("{HASHED_PREFIX}{}", self.pkg_hash)
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// The content-addressed URL of a file (its plain path if unknown).
    pub fn url(&self, path: &str) -> String {
        match self.files.get(path) {
            Some(asset) => format!("{HASHED_PREFIX}{}/{path}", self.url_hash(path, asset)),
            None => format!("/{path}"),
        }
    }

    fn url_hash<'a>(&'a self, path: &str, asset: &'a Asset) -> &'a str {
        match PKG_FILES.contains(&path) {
            true => &self.pkg_hash,
            false => &asset.hash,
        }
    }

    /// The answer for a request path, or `None` when it names no file.
    pub fn respond(&self, method: &Method, path: &str, headers: &HeaderMap) -> Option<Response> {
        if method != Method::GET && method != Method::HEAD {
            return None;
        }
        let (name, requested_hash) = match path.strip_prefix(HASHED_PREFIX) {
            Some(rest) => {
                let (hash, name) = rest.split_once('/')?;
                (name, Some(hash))
            }
            None => (path.strip_prefix('/')?, None),
        };
        let asset = self.files.get(name)?;
        // An old hash (a page from before an upgrade) still gets the file,
        // but must not be cached for good under that name.
        let immutable = requested_hash == Some(self.url_hash(name, asset));
        Some(asset.respond(immutable, method, headers))
    }
}

impl Asset {
    fn new(
        path: &str,
        raw: Cow<'static, [u8]>,
        gzip: Option<Cow<'static, [u8]>>,
        brotli: Option<Cow<'static, [u8]>>,
    ) -> Self {
        let hash = short_hex(&Sha256::digest(&raw));
        Self {
            raw,
            gzip,
            brotli,
            content_type: content_type(path),
            hash,
        }
    }

    fn respond(&self, immutable: bool, method: &Method, headers: &HeaderMap) -> Response {
        let accepted = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let (encoding, body) = match (&self.brotli, &self.gzip) {
            (Some(br), _) if accepts(accepted, "br") => (Some("br"), br),
            (_, Some(gz)) if accepts(accepted, "gzip") => (Some("gzip"), gz),
            _ => (None, &self.raw),
        };
        let etag = format!(
            "\"{}{}\"",
            self.hash,
            encoding.map(|e| format!("-{e}")).unwrap_or_default()
        );
        let cache = match immutable {
            true => "public, max-age=31536000, immutable",
            false => "no-cache",
        };
        let not_modified = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
        let mut builder = Response::builder()
            .header(header::CONTENT_TYPE, self.content_type)
            .header(header::CACHE_CONTROL, cache)
            .header(header::ETAG, &etag)
            .header(header::VARY, "Accept-Encoding");
        if let Some(encoding) = encoding {
            builder = builder.header(header::CONTENT_ENCODING, encoding);
        }
        let (status, body) = match (not_modified, method == Method::HEAD) {
            (true, _) => (StatusCode::NOT_MODIFIED, Body::empty()),
            (false, true) => {
                builder = builder.header(header::CONTENT_LENGTH, body.len());
                (StatusCode::OK, Body::empty())
            }
            (false, false) => (StatusCode::OK, Body::from(bytes(body))),
        };
        // Every header value above is a constant or hex: the build cannot fail.
        builder.status(status).body(body).unwrap_or_default()
    }
}

// The `Cow` itself is wanted: borrowed (embedded) bytes are served without a copy.
#[allow(clippy::ptr_arg)]
fn bytes(data: &Cow<'static, [u8]>) -> axum::body::Bytes {
    match data {
        Cow::Borrowed(b) => axum::body::Bytes::from_static(b),
        Cow::Owned(v) => axum::body::Bytes::copy_from_slice(v),
    }
}

/// Whether an `Accept-Encoding` value takes `coding` (with a non-zero
/// quality, by name or through `*`).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    let mut named = None;
    let mut wildcard = None;
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(coding) {
            named = Some(quality > 0.0);
        } else if name == "*" {
            wildcard = Some(quality > 0.0);
        }
    }
    named.or(wildcard).unwrap_or(false)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("wasm") => "application/wasm",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn short_hex(digest: &[u8]) -> String {
    digest[..10].iter().map(|b| format!("{b:02x}")).collect()
}

fn read_dir(root: &Path, dir: &Path, files: &mut HashMap<String, Asset>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && dir == root => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            read_dir(root, &path, files)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("gz" | "br")) {
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let name = rel.to_string_lossy().replace('\\', "/");
        let sibling = |ext: &str| {
            std::fs::read(format!("{}.{ext}", path.display()))
                .ok()
                .map(Cow::Owned)
        };
        let raw = Cow::Owned(std::fs::read(&path)?);
        let asset = Asset::new(&name, raw, sibling("gz"), sibling("br"));
        files.insert(name, asset);
    }
    Ok(())
}

/// Pages are never cached: they show personal data and link to the
/// current assets.
pub async fn html_is_not_cached(mut response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assets() -> Assets {
        let files = [
            ("pkg/gatehouse.wasm", &b"wasm"[..]),
            ("pkg/gatehouse.js", &b"js"[..]),
            ("pkg/gatehouse.css", &b"css"[..]),
        ]
        .into_iter()
        .map(|(p, raw)| {
            let asset = Asset::new(
                p,
                Cow::Borrowed(raw),
                Some(Cow::Borrowed(b"gz")),
                Some(Cow::Borrowed(b"br")),
            );
            (p.to_owned(), asset)
        });
        Assets::index(files.collect(), "test".into())
    }

    fn get(assets: &Assets, path: &str, accept: &str) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, accept.parse().unwrap());
        assets.respond(&Method::GET, path, &headers).expect("found")
    }

    #[test]
    fn accept_encoding_is_negotiated_with_qualities() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip;q=0.5, br;q=1.0", "gzip"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("*;q=0, gzip", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("identity", "gzip"));
    }

    #[test]
    fn hashed_urls_are_immutable_and_plain_ones_revalidate() {
        let a = assets();
        let css = a.url(STYLESHEET);
        assert!(css.starts_with("/assets/") && css.ends_with("/pkg/gatehouse.css"));
        let r = get(&a, &css, "gzip, br");
        assert_eq!(r.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(r.headers()[header::CONTENT_TYPE], "text/css; charset=utf-8");
        assert!(r.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable"));
        let plain = get(&a, "/pkg/gatehouse.css", "gzip");
        assert_eq!(plain.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(plain.headers()[header::CACHE_CONTROL], "no-cache");
        let stale = get(&a, "/assets/0000/pkg/gatehouse.css", "");
        assert_eq!(stale.headers()[header::CACHE_CONTROL], "no-cache");
        assert!(stale.headers().get(header::CONTENT_ENCODING).is_none());
    }

    #[test]
    fn js_and_wasm_share_the_hydration_root() {
        let a = assets();
        let root = a.pkg_root();
        assert_eq!(
            a.url("pkg/gatehouse.wasm"),
            format!("{root}/pkg/gatehouse.wasm")
        );
        assert_eq!(
            a.url("pkg/gatehouse.js"),
            format!("{root}/pkg/gatehouse.js")
        );
        let r = get(&a, &format!("{root}/pkg/gatehouse.wasm"), "br");
        assert_eq!(r.headers()[header::CONTENT_TYPE], "application/wasm");
        assert!(r.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable"));
    }

    #[test]
    fn etag_revalidation_and_unknown_paths() {
        let a = assets();
        let etag = get(&a, "/pkg/gatehouse.js", "br").headers()[header::ETAG].clone();
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, "br".parse().unwrap());
        headers.insert(header::IF_NONE_MATCH, etag);
        let r = a
            .respond(&Method::GET, "/pkg/gatehouse.js", &headers)
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
        assert!(a.respond(&Method::GET, "/pkg/other.js", &headers).is_none());
        assert!(a
            .respond(&Method::POST, "/pkg/gatehouse.js", &headers)
            .is_none());
        assert!(a.respond(&Method::GET, "/assets/x", &headers).is_none());
    }
}
