use serde::{Deserialize, Serialize};

pub const DEFAULT_PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 1000;

/// Keyset paging by id: forwards from after a cursor, or backwards from before one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageRequest {
    /// `page[first]=n` with optional `page[after]=cursor`.
    First { size: u32, after: Option<String> },
    /// `page[last]=n` with optional `page[before]=cursor`.
    Last { size: u32, before: Option<String> },
}

impl Default for PageRequest {
    fn default() -> Self {
        Self::First {
            size: DEFAULT_PAGE_SIZE,
            after: None,
        }
    }
}

impl PageRequest {
    pub fn size(&self) -> u32 {
        match self {
            Self::First { size, .. } | Self::Last { size, .. } => *size,
        }
    }

    /// Builds a request from the four JSON:API-style parameters, checking that
    /// they are consistent and in range. Errors name the offending parameter.
    pub fn from_params(
        first: Option<&str>,
        after: Option<&str>,
        last: Option<&str>,
        before: Option<&str>,
    ) -> Result<Self, (&'static str, String)> {
        fn size(name: &'static str, raw: &str) -> Result<u32, (&'static str, String)> {
            match raw.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
                _ => Err((
                    name,
                    format!("{name} must be an integer from 1 to {MAX_PAGE_SIZE}"),
                )),
            }
        }
        fn cursor(name: &'static str, raw: &str) -> Result<String, (&'static str, String)> {
            // Cursors are opaque; this only bounds them. Whether one fits
            // the list's order is checked where the order is known.
            let plausible = (1..=200).contains(&raw.len())
                && raw
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
            if plausible {
                Ok(raw.to_owned())
            } else {
                Err((name, format!("{name} is not a cursor of this list")))
            }
        }
        if after.is_some() && before.is_some() {
            return Err((
                "page[before]",
                "page[after] and page[before] cannot be combined".into(),
            ));
        }
        if first.is_some() && last.is_some() {
            return Err((
                "page[last]",
                "page[first] and page[last] cannot be combined".into(),
            ));
        }
        if let Some(before) = before {
            if first.is_some() {
                return Err(("page[before]", "page[before] goes with page[last]".into()));
            }
            let size = last
                .map(|l| size("page[last]", l))
                .transpose()?
                .unwrap_or(DEFAULT_PAGE_SIZE);
            return Ok(Self::Last {
                size,
                before: Some(cursor("page[before]", before)?),
            });
        }
        if let Some(last) = last {
            if after.is_some() {
                return Err(("page[after]", "page[after] goes with page[first]".into()));
            }
            return Ok(Self::Last {
                size: size("page[last]", last)?,
                before: None,
            });
        }
        let size = first
            .map(|f| size("page[first]", f))
            .transpose()?
            .unwrap_or(DEFAULT_PAGE_SIZE);
        let after = after.map(|a| cursor("page[after]", a)).transpose()?;
        Ok(Self::First { size, after })
    }
}

/// Whether a list computes its total (`count=true|false|only`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountMode {
    #[default]
    Include,
    Skip,
    Only,
}

impl CountMode {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "true" => Some(Self::Include),
            "false" => Some(Self::Skip),
            "only" => Some(Self::Only),
            _ => None,
        }
    }
}

/// One page of a list, in ascending id order, with the cursors to move on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub count: Option<u64>,
    /// Set when a later page exists: pass as `after`.
    pub next_cursor: Option<String>,
    /// Set when an earlier page exists: pass as `before`.
    pub prev_cursor: Option<String>,
}

/// No items and no cursors (what a list not shown yet holds).
impl<T> Default for Page<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            count: None,
            next_cursor: None,
            prev_cursor: None,
        }
    }
}

impl<T> Page<T> {
    /// The same page with each item converted.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            count: self.count,
            next_cursor: self.next_cursor,
            prev_cursor: self.prev_cursor,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "01JD0000000000000000000000";

    #[test]
    fn defaults_to_first_page_of_fifty() {
        assert_eq!(
            PageRequest::from_params(None, None, None, None),
            Ok(PageRequest::default())
        );
    }

    #[test]
    fn forwards_and_backwards() {
        assert_eq!(
            PageRequest::from_params(Some("10"), Some(ID), None, None),
            Ok(PageRequest::First {
                size: 10,
                after: Some(ID.into())
            })
        );
        assert_eq!(
            PageRequest::from_params(None, None, Some("5"), Some(ID)),
            Ok(PageRequest::Last {
                size: 5,
                before: Some(ID.into())
            })
        );
        assert_eq!(
            PageRequest::from_params(None, None, Some("5"), None),
            Ok(PageRequest::Last {
                size: 5,
                before: None
            })
        );
    }

    #[test]
    fn rejects_out_of_range_sizes_and_bad_cursors() {
        assert_eq!(
            PageRequest::from_params(Some("0"), None, None, None)
                .unwrap_err()
                .0,
            "page[first]"
        );
        assert_eq!(
            PageRequest::from_params(Some("1001"), None, None, None)
                .unwrap_err()
                .0,
            "page[first]"
        );
        assert_eq!(
            PageRequest::from_params(Some("x"), None, None, None)
                .unwrap_err()
                .0,
            "page[first]"
        );
        assert_eq!(
            PageRequest::from_params(None, Some("no pe"), None, None)
                .unwrap_err()
                .0,
            "page[after]"
        );
    }

    #[test]
    fn rejects_mixed_directions() {
        assert!(PageRequest::from_params(None, Some(ID), None, Some(ID)).is_err());
        assert!(PageRequest::from_params(Some("1"), None, Some("1"), None).is_err());
        assert!(PageRequest::from_params(Some("1"), None, None, Some(ID)).is_err());
        assert!(PageRequest::from_params(None, Some(ID), Some("1"), None).is_err());
    }

    #[test]
    fn count_modes() {
        assert_eq!(CountMode::parse("true"), Some(CountMode::Include));
        assert_eq!(CountMode::parse("only"), Some(CountMode::Only));
        assert_eq!(CountMode::parse("yes"), None);
    }
}
