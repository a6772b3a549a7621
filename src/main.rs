#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    // From the mimalloc library that the `mimalloc` crate links in.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 2.x's `mi_option_t`.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() {
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
