#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    // From the mimalloc library that the `mimalloc` crate links in.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 2.x's `mi_option_t`.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// The compiled panel, embedded when built with `embed-site` (as
/// `scripts/build.sh` does, after building the panel): the binary then serves
/// itself with nothing beside it. Only this file includes the site, so a new
/// panel build recompiles this file and relinks, nothing else. A new file in
/// the site (`public/`, `scripts/build.sh`) is listed here.
#[cfg(feature = "embed-site")]
mod site {
    use gatehouse::server::assets::EmbeddedFile;

    macro_rules! site_file {
        ($path:literal) => {
            EmbeddedFile {
                path: $path,
                raw: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/site/", $path)),
                gzip: Some(include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/target/site/",
                    $path,
                    ".gz"
                ))),
                brotli: Some(include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/target/site/",
                    $path,
                    ".br"
                ))),
            }
        };
    }

    pub static FILES: &[EmbeddedFile] = &[
        site_file!("pkg/gatehouse.js"),
        site_file!("pkg/gatehouse.wasm"),
        site_file!("pkg/gatehouse.css"),
        site_file!("favicon.ico"),
        site_file!("passkey.js"),
        site_file!("api-doc/swagger-ui-bundle.js"),
        site_file!("api-doc/swagger-ui.css"),
    ];
}

fn main() {
    #[cfg(feature = "embed-site")]
    gatehouse::server::assets::embed(site::FILES);
    // Thousands of live connections allocate and free buffers on every push;
    // returning freed pages to the OS at once instead of after mimalloc's
    // default 10 ms measurably lowers the resident size (bench/live.sh).
    // MIMALLOC_PURGE_DELAY in the environment still wins.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: a plain option setter, called before any other thread exists.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts");
    std::process::exit(runtime.block_on(gatehouse::server::cli::run()));
}
