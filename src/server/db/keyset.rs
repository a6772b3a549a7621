//! Keyset paging over one unique key: the cost of a page does not depend on
//! how deep the cursor is. Cursors are key values (ids or tokens), checked by
//! the caller.

use sqlx::{postgres::PgRow, sqlite::SqliteRow};

use super::{bind_args, sql::Conditions, with_pool, Arg, Db};
use crate::model::{CountMode, Page, PageRequest};

/// What to page through: `SELECT {columns} FROM {from} {conditions}` in the
/// order of `key` (unique), newest first when `descending`.
pub struct Keyset<'a> {
    pub columns: &'a str,
    pub from: &'a str,
    pub conditions: Conditions,
    pub key: &'a str,
    pub descending: bool,
}

impl Keyset<'_> {
    pub async fn count(&self, db: &Db) -> sqlx::Result<u64> {
        let sql = format!(
            "SELECT count(*) FROM {}{}",
            self.from,
            self.conditions.sql()
        );
        let n: i64 = with_pool!(db, pool => bind_args!(sqlx::query_scalar(&sql), self.conditions.args()).fetch_one(pool).await)?;
        Ok(n.max(0) as u64)
    }

    /// One page; `key_of` reads a row's key, which becomes its cursor.
    pub async fn page<R>(
        mut self,
        db: &Db,
        page: &PageRequest,
        count: CountMode,
        key_of: impl Fn(&R) -> String,
    ) -> sqlx::Result<Page<R>>
    where
        R: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin,
    {
        let total = match count {
            CountMode::Skip => None,
            CountMode::Include | CountMode::Only => Some(self.count(db).await?),
        };
        if count == CountMode::Only {
            return Ok(counted_only(total));
        }
        let size = page.size() as usize;
        let (backwards, cursor) = reading(page);
        // Reading backwards is reading the reverse order forwards.
        let (op, dir) = if self.descending != backwards {
            ("<", "DESC")
        } else {
            (">", "ASC")
        };
        if let Some(cursor) = &cursor {
            self.conditions.push(
                &format!("{} {op} {{}}", self.key),
                vec![Arg::Text(cursor.clone())],
            );
        }
        let sql = format!(
            "SELECT {} FROM {}{} ORDER BY {} {dir} LIMIT {}",
            self.columns,
            self.from,
            self.conditions.sql(),
            self.key,
            size + 1
        );
        let args = self.conditions.args();
        let rows: Vec<R> = with_pool!(db, pool => bind_args!(sqlx::query_as::<_, R>(&sql), args).fetch_all(pool).await)?;
        Ok(page_of(rows, size, backwards, cursor, total, key_of))
    }
}

/// The answer to `count=only`: the figure and no rows.
pub fn counted_only<R>(total: Option<u64>) -> Page<R> {
    Page {
        items: Vec::new(),
        count: total,
        next_cursor: None,
        prev_cursor: None,
    }
}

/// Which way a page is read (`true`: backwards, from `page[before]` or the
/// end) and from which cursor.
pub fn reading(page: &PageRequest) -> (bool, Option<String>) {
    match page {
        PageRequest::First { after, .. } => (false, after.clone()),
        PageRequest::Last { before, .. } => (true, before.clone()),
    }
}

/// The page out of `rows` read in reading order with one row more than
/// `size` (that row only tells that more exist); `cursor` is the request's.
pub fn page_of<R>(
    mut rows: Vec<R>,
    size: usize,
    backwards: bool,
    cursor: Option<String>,
    total: Option<u64>,
    key_of: impl Fn(&R) -> String,
) -> Page<R> {
    let more = rows.len() > size;
    rows.truncate(size);
    if backwards {
        rows.reverse();
    }
    let first = rows.first().map(&key_of);
    let last = rows.last().map(&key_of);
    let (next_cursor, prev_cursor) = if backwards {
        (cursor.and(last), if more { first } else { None })
    } else {
        (if more { last } else { None }, cursor.and(first))
    };
    Page {
        items: rows,
        count: total,
        next_cursor,
        prev_cursor,
    }
}
