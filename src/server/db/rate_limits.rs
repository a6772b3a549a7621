//! Fixed-window counters of the rate limits (`auth::limiter`), in the
//! database so that every instance counts against the same limit.

use super::{with_pool, Db};

/// Counts one hit on `key`: in its current window, or in a new one starting
/// `now` when the current one started at or before `stale_before`. Returns
/// the window's hits (this one included) and its start. One statement: two
/// instances hitting the same key at once both count.
pub async fn hit(db: &Db, key: &str, now: i64, stale_before: i64) -> sqlx::Result<(i64, i64)> {
    let sql = "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1) \
               ON CONFLICT (key) DO UPDATE SET \
               hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END, \
               window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 \
                              ELSE rate_limits.window_start END \
               RETURNING hits, window_start";
    with_pool!(db, pool => sqlx::query_as::<_, (i64, i64)>(sql)
        .bind(key)
        .bind(now)
        .bind(stale_before)
        .fetch_one(pool)
        .await)
}

/// Takes one hit back (an attempt that turned out not to count).
pub async fn unhit(db: &Db, key: &str) -> sqlx::Result<()> {
    let sql = "UPDATE rate_limits SET hits = hits - 1 WHERE key = $1 AND hits > 0";
    with_pool!(db, pool => sqlx::query(sql).bind(key).execute(pool).await.map(drop))
}

/// The current window of `key`: its hits and start, if any.
#[cfg(test)]
pub async fn get(db: &Db, key: &str) -> sqlx::Result<Option<(i64, i64)>> {
    let found = get_many(db, &[key]).await?;
    Ok(found
        .into_iter()
        .next()
        .map(|(_, hits, start)| (hits, start)))
}

/// The counted keys among `keys`: (key, hits, window start).
pub async fn get_many(db: &Db, keys: &[&str]) -> sqlx::Result<Vec<(String, i64, i64)>> {
    let sql = format!(
        "SELECT key, hits, window_start FROM rate_limits WHERE key IN ({})",
        super::placeholders(1, keys.len())
    );
    with_pool!(db, pool => {
        let mut query = sqlx::query_as::<_, (String, i64, i64)>(&sql);
        for key in keys {
            query = query.bind(*key);
        }
        query.fetch_all(pool).await
    })
}

pub async fn clear(db: &Db, key: &str) -> sqlx::Result<()> {
    with_pool!(db, pool => sqlx::query("DELETE FROM rate_limits WHERE key = $1")
        .bind(key)
        .execute(pool)
        .await
        .map(drop))
}

/// Forgets windows that ended: the table holds only the keys of the last
/// window.
pub async fn prune(db: &Db, stale_before: i64) -> sqlx::Result<u64> {
    with_pool!(db, pool => sqlx::query("DELETE FROM rate_limits WHERE window_start <= $1")
        .bind(stale_before)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
}
