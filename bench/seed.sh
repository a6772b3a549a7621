#!/usr/bin/env bash
# Bulk-inserts N synthetic users into a migrated Gatehouse SQLite database with
# one INSERT ... SELECT over a recursive CTE, in one transaction. The schema's
# triggers keep `user_counts` and the `users_fts` trigram index up to date.
#
#   bench/seed.sh DB_FILE N [PASSWORD_HASH]
#
# Rows, for n = 1..N:
#   id            '01JD000000' || 16-digit Crockford base32 of n  (a valid ULID;
#                 lexical order = n order; all sort before ULIDs made today)
#   username      user0000001 ...            email  user1@example.org ...
#   display_name  'User n', except 10 rows spread over the range that are
#                 'Zebrafinch n' (so filter[search]=zebrafinch matches 10)
#   password_hash PASSWORD_HASH for every row (NULL when empty or absent)
#   created_at    2024-11-18T... + n ms (the time the id prefix stands for)
set -euo pipefail

db=${1:?usage: seed.sh DB_FILE N [PASSWORD_HASH]}
n_users=${2:?usage: seed.sh DB_FILE N [PASSWORD_HASH]}
hash=${3:-}

if ! [[ $n_users =~ ^[0-9]+$ ]] || [ "$n_users" -lt 20 ]; then
  echo "seed.sh: N must be an integer >= 20 (got '$n_users')" >&2
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
                   can_request_admin, status, created_at)
SELECT '01JD000000' || $b32,
       printf('user%07d', n),
       CASE WHEN n % $step = $offset THEN 'Zebrafinch ' || n ELSE 'User ' || n END,
       'user' || n || '@example.org',
       $hash_sql,
       FALSE,
       FALSE,
       'active',
       $base_ms + n
FROM seq;
COMMIT;
SQL
