//! Who is calling: passwords, sessions, bearer tokens, Basic auth, origin checks.

pub mod caller;
pub mod limiter;
pub mod network;
pub mod origin;
pub mod password;
pub mod session;
pub mod token;
pub mod user_agent;
