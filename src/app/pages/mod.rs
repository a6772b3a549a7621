pub mod account;
pub mod errors;
pub mod home;
pub mod login;
pub mod setup;
pub mod user_detail;
pub mod user_new;
pub mod users;
