//! Pieces of SQL text every query builder shares: `WHERE` clauses with
//! numbered placeholders (`$1`, `$2`, ... on both backends), and `LIKE`
//! patterns with their wildcards escaped.

use super::Arg;

/// `WHERE` clauses joined by `AND`, with their arguments in placeholder order.
#[derive(Clone, Debug, Default)]
pub struct Conditions {
    clauses: Vec<String>,
    args: Vec<Arg>,
}

impl Conditions {
    /// Adds a clause in which each `{}` stands for the next placeholder, one
    /// per argument (an argument used twice is given twice).
    pub fn push(&mut self, clause: &str, args: Vec<Arg>) {
        debug_assert_eq!(clause.matches("{}").count(), args.len(), "{clause}");
        let mut clause = clause.to_owned();
        for arg in args {
            self.args.push(arg);
            clause = clause.replacen("{}", &format!("${}", self.args.len()), 1);
        }
        self.clauses.push(clause);
    }

    /// Adds a one-placeholder clause for a filter that was given (`Some`).
    pub fn push_given(&mut self, clause: &str, arg: Option<Arg>) {
        if let Some(arg) = arg {
            self.push(clause, vec![arg]);
        }
    }

    /// `expr IN (…)` over `values`; no values match nothing.
    pub fn push_in(&mut self, expr: &str, values: impl IntoIterator<Item = Arg>) {
        let from = self.args.len() + 1;
        self.args.extend(values);
        let n = self.args.len() + 1 - from;
        if n == 0 {
            self.clauses.push("1 = 0".to_owned());
        } else {
            let list = super::placeholders(from, n);
            self.clauses.push(format!("{expr} IN ({list})"));
        }
    }

    /// ` WHERE …`, or nothing without clauses.
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    pub fn args(&self) -> &[Arg] {
        &self.args
    }
}

/// `term` with `LIKE`'s wildcards and the escape character escaped; use the
/// pattern with `ESCAPE '\'`.
pub fn escape_like(term: &str) -> String {
    term.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// A `LIKE` pattern matching `term` anywhere. Case is the caller's: lower
/// both sides, or use `ILIKE`.
pub fn contains_pattern(term: &str) -> String {
    format!("%{}%", escape_like(term))
}

/// A `LIKE` pattern matching what starts with `term`.
pub fn prefix_pattern(term: &str) -> String {
    format!("{}%", escape_like(term))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_in_order() {
        let mut c = Conditions::default();
        c.push("a = {}", vec![Arg::Int(1)]);
        c.push("(b < {} OR c > {})", vec![Arg::Int(2), Arg::Int(3)]);
        c.push_in("id", [Arg::Int(4), Arg::Int(5)]);
        c.push("d = {}", vec![Arg::Int(6)]);
        assert_eq!(
            c.sql(),
            " WHERE a = $1 AND (b < $2 OR c > $3) AND id IN ($4, $5) AND d = $6"
        );
        assert_eq!(c.args().len(), 6);
    }

    #[test]
    fn no_clauses_no_where_and_an_empty_list_matches_nothing() {
        let mut c = Conditions::default();
        assert_eq!(c.sql(), "");
        c.push_in("id", []);
        assert_eq!(c.sql(), " WHERE 1 = 0");
        assert!(c.args().is_empty());
    }

    #[test]
    fn patterns_escape_wildcards_and_keep_case() {
        assert_eq!(escape_like(r"a\b%c_d"), r"a\\b\%c\_d");
        assert_eq!(contains_pattern("A_b%"), "%A\\_b\\%%");
        assert_eq!(prefix_pattern("user."), "user.%");
        assert_eq!(prefix_pattern("50%_"), "50\\%\\_%");
    }
}
