//! Types shared by the server and the browser: plain data, serde, no I/O.

mod access;
pub mod application;
pub mod audit;
mod bulk;
pub mod contact;
pub mod email;
mod error;
pub mod filters;
mod import;
mod job;
mod live;
mod module;
pub mod org;
mod paging;
pub mod provisioning;
pub mod registration;
pub mod roles;
pub mod second_factor;
pub mod server;
mod session;
mod sort;
mod user;
pub mod validate;

pub use access::{
    AllowEntry, AllowList, ApiToken, ApiTokenCreated, OAuthClient, OAuthClientCreated, SCOPES,
    SCOPE_ADMIN, SCOPE_ADMIN_READ,
};
pub use application::{
    Access as AppAccess, Application, ApplicationCreated, ApplicationKind, ApplicationPatch,
    ClientType, NewApplication, OrgAccess, UserGrant,
};
pub use audit::{AuditActor, AuditFilter, AuditRecord};
pub use bulk::{BulkAction, BulkRefusal, BulkResult, MAX_BULK};
pub use contact::Contact;
pub use error::{AppError, FieldError};
pub use import::{ImportReport, OnConflict, RowOutcome, RowReport};
pub use job::{Job, PauseOutcome};
pub use live::{
    Connection, Delivery, Inbox, InboxMessage, LiveEvent, MessageKind, MulticastReport, Rejected,
    Sent, MAX_MESSAGE_CHARS, MAX_MULTICAST,
};
pub use module::ModuleState;
pub use org::{MemberFilter, Membership, Org, OrgFilter, OrgMember, OrgRole};
pub use paging::{CountMode, Page, PageRequest, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
pub use provisioning::{
    ProvisionedItem, ProvisionedKind, ProvisionedOutcome, ProvisioningProblem, ProvisioningReport,
};
pub use registration::{
    NewRegistrationToken, Registration, RegistrationMode, RegistrationToken,
    RegistrationTokenFilter, RegistrationTokenPatch,
};
pub use roles::{Op, Roles, ServerRole};
pub use server::{
    DailyFigures, ServerStats, ServerVersion, Setting, Settings, SettingsSection, UserTotals,
    REDACTED,
};
pub use session::{Session, SessionFilter, DEVICES};
pub use sort::{UserSort, UserSortKey};
pub use user::{Me, NewUser, User, UserFilter, UserPatch, UserStatus};
