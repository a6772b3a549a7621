//! Contacts (a user's roster): other users with a presence subscription and
//! groups, as the panel and the API show them.

use serde::{Deserialize, Serialize};

use super::FieldError;

/// The presence subscriptions of a roster entry, as in XMPP.
pub const SUBSCRIPTIONS: [&str; 4] = ["none", "to", "from", "both"];
pub const GROUP_MAX_CHARS: usize = 64;
pub const MAX_GROUPS: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub user_id: String,
    pub contact_id: String,
    pub contact_username: String,
    pub contact_display_name: Option<String>,
    /// `none`, `to`, `from` or `both`.
    pub subscription: String,
    pub groups: Vec<String>,
    pub created_at: String,
}

/// Checks a subscription name: one of [`SUBSCRIPTIONS`], exactly.
pub fn subscription(raw: &str) -> Result<String, FieldError> {
    if SUBSCRIPTIONS.contains(&raw) {
        Ok(raw.to_owned())
    } else {
        Err(FieldError::new(
            "subscription",
            "subscription_invalid",
            "Subscription must be one of none, to, from or both.",
        ))
    }
}

/// Checks group names: each trimmed, 1 to 64 characters, no control
/// characters and no commas (the panel edits them as a comma-separated
/// list); at most 20, no duplicates. Order is kept.
pub fn groups(raw: &[String]) -> Result<Vec<String>, FieldError> {
    let err = |code: &str, message: String| Err(FieldError::new("groups", code, message));
    if raw.len() > MAX_GROUPS {
        return err(
            "too_many_groups",
            format!("A contact can be in at most {MAX_GROUPS} groups."),
        );
    }
    let mut groups: Vec<String> = Vec::with_capacity(raw.len());
    for name in raw.iter().map(|g| g.trim()) {
        if name.is_empty() {
            return err("group_invalid", "Group names must not be empty.".into());
        }
        if name.chars().count() > GROUP_MAX_CHARS
            || name.chars().any(|c| c.is_control() || c == ',')
        {
            return err(
                "group_invalid",
                format!(
                    "Group names are 1 to {GROUP_MAX_CHARS} characters, with no commas or control characters."
                ),
            );
        }
        if groups.iter().any(|g| g == name) {
            return err(
                "group_duplicate",
                format!("The group '{name}' is listed twice."),
            );
        }
        groups.push(name.to_owned());
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn subscriptions_are_the_four_xmpp_states() {
        for s in SUBSCRIPTIONS {
            assert_eq!(subscription(s).unwrap(), s);
        }
        assert_eq!(
            subscription("Both").unwrap_err().code,
            "subscription_invalid"
        );
        assert!(subscription("").is_err());
    }

    #[test]
    fn groups_are_trimmed_bounded_and_unique() {
        assert_eq!(
            groups(&names(&[" Friends ", "Work"])).unwrap(),
            names(&["Friends", "Work"])
        );
        assert!(groups(&[]).unwrap().is_empty());
        let code = |list: &[&str]| groups(&names(list)).unwrap_err().code;
        assert_eq!(code(&["  "]), "group_invalid");
        assert_eq!(code(&["a,b"]), "group_invalid");
        assert_eq!(code(&[&"x".repeat(GROUP_MAX_CHARS + 1)]), "group_invalid");
        assert!(groups(&names(&[&"é".repeat(GROUP_MAX_CHARS)])).is_ok());
        assert_eq!(code(&["a", " a"]), "group_duplicate");
        let many: Vec<String> = (0..=MAX_GROUPS).map(|i| format!("g{i}")).collect();
        assert_eq!(groups(&many).unwrap_err().code, "too_many_groups");
    }
}
