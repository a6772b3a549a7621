#!/usr/bin/env bash
# Bulk-inserts N synthetic users into a migrated Gatehouse SQLite database with
# one INSERT ... SELECT over a recursive CTE, in one transaction. The schema's
# triggers keep `user_counts` and the `users_fts` trigram index up to date.
#
#   bench/seed.sh DB_FILE N [PASSWORD_HASH] [NOW_MS]
#
# Rows, for n = 1..N:
#   id            '01JD000000' || 16-digit Crockford base32 of n  (a valid ULID;
#                 lexical order = n order; all sort before ULIDs made today)
#   username      user0000001 ...            email  user1@example.org ...
#   display_name  'User n', except 10 rows spread over the range that are
#                 'Zebrafinch n' (so filter[search]=zebrafinch matches 10)
#   password_hash PASSWORD_HASH for every row (NULL when empty or absent)
#   created_at    2024-11-18T... + n ms (the time the id prefix stands for)
#   last_seen_at  NULL ("never seen") for about 20 % of the rows; for the
#                 others a time in the year before NOW_MS (default: now),
#                 skewed towards recent activity (about 29 % within the last
#                 month, 14 % within the last week). Both the choice and the
#                 time are pseudo-random but fixed functions of n:
#                   h = n * 2654435761 mod 2^32;  seen when (h >> 20) mod 5 <> 0
#                   s = (n * 2246822519 mod 4294967291) mod 31536000  (seconds)
#                   last_seen_at = max(created_at, NOW_MS - (s * s / 31536000) * 1000 - n mod 1000)
set -euo pipefail

usage="usage: seed.sh DB_FILE N [PASSWORD_HASH] [NOW_MS]"
db=${1:?$usage}
n_users=${2:?$usage}
hash=${3:-}
now_ms=${4:-$(date +%s%3N)}

if ! [[ $n_users =~ ^[0-9]+$ ]] || [ "$n_users" -lt 20 ]; then
  echo "seed.sh: N must be an integer >= 20 (got '$n_users')" >&2
  exit 1
fi
if ! [[ $now_ms =~ ^[0-9]{13}$ ]]; then
  echo "seed.sh: NOW_MS must be unix milliseconds (got '$now_ms')" >&2
  exit 1
fi
if [ -n "$hash" ]; then
  hash_sql="'${hash//\'/\'\'}'"
else
  hash_sql=NULL
fi

# 16 base32 digits of n, most significant first. n < 2^63, so digits whose
# shift is 65 or more are always 0.
alphabet="'0123456789ABCDEFGHJKMNPQRSTVWXYZ'"
b32="'000'"
for k in 12 11 10 9 8 7 6 5 4 3 2 1 0; do
  b32="$b32 || substr($alphabet, ((n >> $((5 * k))) & 31) + 1, 1)"
done

# The 10 "Zebrafinch" rows: n = step/2, step/2 + step, ... (step = N/10).
step=$((n_users / 10))
offset=$((step / 2))
# Unix ms of the ULID time prefix 01JD000000.
base_ms=1731945562112

sqlite3 -bail "$db" <<SQL
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
PRAGMA temp_store = MEMORY;
BEGIN;
WITH RECURSIVE seq(n) AS (
  SELECT 1
  UNION ALL
  SELECT n + 1 FROM seq WHERE n < $n_users
)
INSERT INTO users (id, username, display_name, email, password_hash, admin,
                   can_request_admin, status, created_at, last_seen_at)
SELECT '01JD000000' || $b32,
       printf('user%07d', n),
       CASE WHEN n % $step = $offset THEN 'Zebrafinch ' || n ELSE 'User ' || n END,
       'user' || n || '@example.org',
       $hash_sql,
       FALSE,
       FALSE,
       'active',
       $base_ms + n,
       CASE WHEN (((n * 2654435761) % 4294967296) >> 20) % 5 = 0 THEN NULL
            ELSE max($base_ms + n,
                     $now_ms - (s * s / 31536000) * 1000 - n % 1000)
       END
FROM (SELECT n, (n * 2246822519) % 4294967291 % 31536000 AS s FROM seq);
COMMIT;
SQL
