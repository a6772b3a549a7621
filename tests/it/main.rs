//! Every integration test in one binary: the crate is linked once, not once per file.
//! Each module starts the real server (see `common`) on SQLite, or on PostgreSQL
//! when GATEHOUSE_TEST_DATABASE_URL is set.

mod common;

mod access;
mod api;
mod assets;
mod audit;
mod authz_matrix;
mod bulk;
mod contacts;
mod email;
mod forward_auth;
mod jobs;
mod language;
mod lifecycle;
mod live;
mod modules;
mod oidc;
mod orgs;
mod password_change;
mod provisioning;
mod rate_limit;
mod registration;
mod roles;
mod second_factor;
mod server;
mod sessions;
mod sorting;
mod transfer;
