use serde::{Deserialize, Serialize};

/// What the users list can be ordered by. Ties are always broken by id, so
/// every order is total and keyset paging is stable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserSortKey {
    /// Creation order too, since ids are ULIDs; the default.
    #[default]
    Id,
    Username,
    CreatedAt,
    LastSeenAt,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserSort {
    pub key: UserSortKey,
    pub descending: bool,
}

impl UserSort {
    /// The accepted values of `sort=`, for error messages and docs.
    pub const ACCEPTED: &'static str =
        "username, -username, created_at, -created_at, last_seen_at or -last_seen_at";

    /// `username`, `-last_seen_at`, ...; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Self> {
        let (descending, name) = match raw.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        let key = match name {
            "id" => UserSortKey::Id,
            "username" => UserSortKey::Username,
            "created_at" => UserSortKey::CreatedAt,
            "last_seen_at" => UserSortKey::LastSeenAt,
            _ => return None,
        };
        Some(Self { key, descending })
    }

    pub fn column(self) -> &'static str {
        match self.key {
            UserSortKey::Id => "id",
            UserSortKey::Username => "username",
            UserSortKey::CreatedAt => "created_at",
            UserSortKey::LastSeenAt => "last_seen_at",
        }
    }

    /// The value of `sort=` that gives this order.
    pub fn param(self) -> String {
        format!(
            "{}{}",
            if self.descending { "-" } else { "" },
            self.column()
        )
    }

    pub fn is_default(self) -> bool {
        self == Self::default()
    }

    /// The order a click on this column's header asks for: the reverse
    /// of the current one if it is already sorted by it, else ascending
    /// (descending for last seen, where the most recent is usually wanted).
    pub fn toggled(self, key: UserSortKey) -> Self {
        if self.key == key {
            Self {
                key,
                descending: !self.descending,
            }
        } else {
            Self {
                key,
                descending: matches!(key, UserSortKey::LastSeenAt),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_sort() {
        for raw in [
            "username",
            "-username",
            "created_at",
            "-created_at",
            "last_seen_at",
            "-last_seen_at",
            "id",
            "-id",
        ] {
            assert_eq!(UserSort::parse(raw).unwrap().param(), raw);
        }
        assert_eq!(UserSort::parse("password"), None);
        assert_eq!(UserSort::parse("--username"), None);
        assert!(UserSort::parse("id").unwrap().is_default());
    }

    #[test]
    fn header_clicks_flip_the_current_column() {
        let by_name = UserSort::parse("username").unwrap();
        assert_eq!(by_name.toggled(UserSortKey::Username).param(), "-username");
        assert_eq!(
            by_name.toggled(UserSortKey::LastSeenAt).param(),
            "-last_seen_at"
        );
        assert_eq!(
            by_name.toggled(UserSortKey::CreatedAt).param(),
            "created_at"
        );
    }
}
