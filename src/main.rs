#[tokio::main]
async fn main() {
    std::process::exit(gatehouse::server::cli::run().await);
}
