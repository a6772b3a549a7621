//! Everything that runs only on the server (feature `ssr`).

pub mod assets;
pub mod auth;
pub mod cli;
pub mod config;
pub mod cookies;
pub mod csp;
pub mod db;
pub mod email;
pub mod gate;
pub mod jobs;
pub mod language;
pub mod live;
pub mod metrics;
pub mod oidc;
pub mod ops;
pub mod rest;
pub mod settings;
pub mod startup;
pub mod state;
pub mod theme;
pub mod time;

pub use state::AppState;
