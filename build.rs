//! Stamps the binary with its git commit and build time, for
//! `GET /server/version` and the panel's footer, and (server build only)
//! embeds the compiled panel that cargo-leptos left in the site root, so the
//! release binary serves itself with nothing beside it.

use std::{
    fmt::Write as _,
    path::{Path, PathBuf},
    process::Command,
};

fn run(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (out.status.success() && !text.is_empty()).then_some(text)
}

fn main() {
    println!("cargo:rerun-if-env-changed=GATEHOUSE_GIT_COMMIT");
    // Re-stamp when the checked-out commit moves, not on every build.
    if let Some(head) = run("git", &["rev-parse", "--git-path", "HEAD"]) {
        println!("cargo:rerun-if-changed={head}");
    }
    if let Some(reference) = run("git", &["symbolic-ref", "-q", "HEAD"]) {
        if let Some(path) = run("git", &["rev-parse", "--git-path", &reference]) {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let commit = std::env::var("GATEHOUSE_GIT_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| run("git", &["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown".into());
    let built = run("date", &["-u", "+%Y-%m-%dT%H:%M:%SZ"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=GATEHOUSE_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=GATEHOUSE_BUILD_TIME={built}");
    embed_site();
}

/// Writes `$OUT_DIR/site.rs`: one entry per file of the site root with its
/// bytes and, when cargo-leptos precompressed it, its `.gz` and `.br` forms.
/// Empty for the WebAssembly build and when no site was built yet (the
/// server then serves a site root from disk).
fn embed_site() {
    println!("cargo:rerun-if-env-changed=GATEHOUSE_EMBED_SITE_DIR");
    let site = std::env::var_os("GATEHOUSE_EMBED_SITE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site"));
    let mut files = Vec::new();
    if std::env::var_os("CARGO_FEATURE_SSR").is_some() {
        // A directory here is scanned recursively: any file written by a
        // new panel build runs this again.
        println!("cargo:rerun-if-changed={}", site.display());
        collect(&site, &site, &mut files);
    }
    files.sort();
    let mut code = String::from("&[\n");
    for (name, path) in &files {
        let sibling = |ext: &str| {
            let p = PathBuf::from(format!("{}.{ext}", path.display()));
            match p.is_file() {
                true => format!("Some(include_bytes!({:?}))", p.display().to_string()),
                false => "None".to_owned(),
            }
        };
        let _ = writeln!(
            code,
            "    EmbeddedFile {{ path: {name:?}, raw: include_bytes!({:?}), gzip: {}, brotli: {} }},",
            path.display().to_string(),
            sibling("gz"),
            sibling("br"),
        );
    }
    code.push(']');
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("site.rs");
    std::fs::write(out, code).expect("write site.rs");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
            continue;
        }
        let compressed = matches!(path.extension().and_then(|e| e.to_str()), Some("gz" | "br"));
        if let (false, Ok(rel)) = (compressed, path.strip_prefix(root)) {
            let name = rel.to_string_lossy().replace('\\', "/");
            files.push((name, path));
        }
    }
}
