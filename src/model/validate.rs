//! Input rules, written once and used by the server (and usable by the browser).

use super::FieldError;

pub const USERNAME_MAX: usize = 64;
pub const DISPLAY_NAME_MAX: usize = 256;
pub const EMAIL_MAX: usize = 254;
pub const PASSWORD_MAX: usize = 1024;

/// Usernames: 1–64 of `a-z 0-9 . _ -`, starting with a letter or digit.
pub fn username(raw: &str) -> Result<String, FieldError> {
    let err = |code: &str, msg: &str| Err(FieldError::new("username", code, msg));
    if raw.is_empty() {
        return err("username_required", "Username is required.");
    }
    if raw.len() > USERNAME_MAX {
        return err(
            "username_too_long",
            "Username must be at most 64 characters.",
        );
    }
    if raw.chars().any(|c| c.is_ascii_uppercase()) {
        return err("username_invalid", "Username must be lowercase.");
    }
    if !raw
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
    {
        return err(
            "username_invalid",
            "Username may contain only a-z, 0-9, '.', '_' and '-'.",
        );
    }
    if !raw.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return err(
            "username_invalid",
            "Username must start with a letter or digit.",
        );
    }
    Ok(raw.to_owned())
}

/// Optional display name: trimmed, empty means none, no control characters.
pub fn display_name(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    let Some(value) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > DISPLAY_NAME_MAX {
        return Err(FieldError::new(
            "display_name",
            "display_name_too_long",
            "Display name must be at most 256 characters.",
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::new(
            "display_name",
            "display_name_invalid",
            "Display name must not contain control characters.",
        ));
    }
    Ok(Some(value.to_owned()))
}

/// Optional email: trimmed, empty means none; one `@` with text on both sides
/// and a dot in the domain. Deliverability is not our business here.
pub fn email(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    let Some(value) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let invalid = || {
        FieldError::new(
            "email",
            "email_invalid",
            "Enter an email address like name@example.org.",
        )
    };
    if value.len() > EMAIL_MAX || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid());
    }
    let (local, domain) = value.split_once('@').ok_or_else(invalid)?;
    if local.is_empty()
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
    {
        return Err(invalid());
    }
    Ok(Some(value.to_owned()))
}

/// Password policy: at least `min_len` characters, not the username.
pub fn password(raw: &str, username: &str, min_len: usize) -> Result<(), FieldError> {
    // One code per rule, so scripts can tell which one was broken.
    let weak = |code: &str, msg: String| Err(FieldError::new("password", code, msg));
    if raw.chars().count() < min_len {
        return weak(
            "password_too_short",
            format!("Password must be at least {min_len} characters."),
        );
    }
    if raw.len() > PASSWORD_MAX {
        return weak(
            "password_too_long",
            "Password must be at most 1024 bytes.".into(),
        );
    }
    if raw.eq_ignore_ascii_case(username) {
        return weak(
            "password_is_username",
            "Password must not be the username.".into(),
        );
    }
    if is_common_password(raw) {
        return weak(
            "password_too_common",
            "This password is too common; choose another.".into(),
        );
    }
    Ok(())
}

/// Passwords that guessing attacks try first (shipped with the binary).
const COMMON_PASSWORDS: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "password!",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "12345678",
    "123456789",
    "1234567890",
    "0123456789",
    "12341234",
    "11111111",
    "00000000",
    "88888888",
    "87654321",
    "987654321",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "1qaz2wsx",
    "zaq12wsx",
    "qazwsxedc",
    "qwertyui",
    "qwertyuiop",
    "qwerty123",
    "qwerty12",
    "qwer1234",
    "1234qwer",
    "asdfghjkl",
    "asdf1234",
    "aa123456",
    "abc12345",
    "abcd1234",
    "iloveyou",
    "iloveyou1",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "basketball",
    "superman",
    "batman12",
    "starwars",
    "trustno1",
    "letmein1",
    "letmein123",
    "welcome1",
    "welcome123",
    "admin123",
    "admin1234",
    "administrator",
    "changeme",
    "changeme1",
    "whatever",
    "dragon12",
    "master12",
    "monkey12",
    "computer",
    "internet",
    "michelle",
    "jennifer",
    "secret123",
    "shadow12",
    "freedom1",
    "mustang1",
    "access14",
    "charlie1",
    "login123",
    "hello123",
];

pub fn is_common_password(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    COMMON_PASSWORDS.contains(&lower.as_str())
}

/// A return address (`next=`, `back=`) that may be redirected to: a path on
/// this site and nothing else. One `/`, not followed by `/` (another host);
/// no `\` anywhere (browsers read it as `/`); and only visible ASCII, since
/// browsers strip tabs and newlines (`/\t/evil.example` would become
/// `//evil.example`) and a `Location` header carries nothing else (CR/LF).
pub fn local_path(target: &str) -> Option<&str> {
    let rest = target.strip_prefix('/')?;
    let local = !rest.starts_with('/')
        && !target.contains('\\')
        && target.bytes().all(|b| b.is_ascii_graphic());
    local.then_some(target)
}

/// A ULID in canonical form: 26 Crockford base32 characters.
pub fn is_ulid(raw: &str) -> bool {
    raw.len() == 26
        && raw.as_bytes()[0] <= b'7'
        && raw.bytes().all(|b| {
            b.is_ascii_digit()
                || (b.is_ascii_uppercase() && !matches!(b, b'I' | b'L' | b'O' | b'U'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_are_return_addresses() {
        for good in ["/", "/users?x=1", "/orgs/01ABC?search=a%20b", "/a//b"] {
            assert_eq!(local_path(good), Some(good), "{good:?}");
        }
        for bad in [
            "",
            "users",
            "//evil.example",
            "/\\evil.example",
            "/x\\y",
            "https://evil.example",
            "/\t/evil.example",
            "/account\r\nSet-Cookie: a=b",
            "/\u{0}",
            "/caf\u{e9}",
            "/a b",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn usernames() {
        assert_eq!(username("alice.b-2_x").unwrap(), "alice.b-2_x");
        assert_eq!(username("").unwrap_err().code, "username_required");
        assert_eq!(
            username("Alice").unwrap_err().message,
            "Username must be lowercase."
        );
        assert_eq!(username("a b").unwrap_err().code, "username_invalid");
        assert_eq!(username("-alice").unwrap_err().code, "username_invalid");
        assert_eq!(username("älice").unwrap_err().code, "username_invalid");
        assert_eq!(
            username(&"a".repeat(65)).unwrap_err().code,
            "username_too_long"
        );
        assert!(username(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn display_names() {
        assert_eq!(
            display_name(Some("  Alice  ")).unwrap().as_deref(),
            Some("Alice")
        );
        assert_eq!(display_name(Some("   ")).unwrap(), None);
        assert_eq!(display_name(None).unwrap(), None);
        assert!(display_name(Some("a\u{0007}b")).is_err());
        assert!(display_name(Some(&"é".repeat(257))).is_err());
        assert!(display_name(Some(&"é".repeat(256))).is_ok());
    }

    #[test]
    fn emails() {
        assert_eq!(
            email(Some(" a@b.org ")).unwrap().as_deref(),
            Some("a@b.org")
        );
        assert_eq!(email(Some("")).unwrap(), None);
        for bad in [
            "a",
            "a@b",
            "@b.org",
            "a@@b.org",
            "a b@c.org",
            "a@.org",
            "a@org.",
        ] {
            assert!(email(Some(bad)).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn passwords() {
        assert!(password("correct horse", "alice", 8).is_ok());
        assert_eq!(
            password("short", "alice", 8).unwrap_err().code,
            "password_too_short"
        );
        assert_eq!(
            password("alice-long", "alice-long", 8).unwrap_err().code,
            "password_is_username"
        );
        assert_eq!(
            password("password123", "alice", 8).unwrap_err().code,
            "password_too_common"
        );
        assert!(password("ALICE-LONG", "alice-long", 8).is_err());
        assert!(password("ééééééé", "x", 8).is_err());
        assert_eq!(
            password("Password123", "alice", 8).unwrap_err().message,
            "This password is too common; choose another."
        );
    }

    #[test]
    fn ulids() {
        assert!(is_ulid("01JD0000000000000000000000"));
        assert!(!is_ulid("01JD000000000000000000000"));
        assert!(!is_ulid("01JD00000000000000000000I0"));
        assert!(!is_ulid("81JD0000000000000000000000"));
        assert!(!is_ulid("01jd0000000000000000000000"));
    }
}
