#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster (there is no systemd here) and makes
# sure the test role exists; drops databases left by earlier test runs.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v pg_ctlcluster >/dev/null; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | grep -q "^$version main" || $SUDO pg_createcluster -p 5432 "$version" main >/dev/null
# The tests expect 5432; a cluster created while that port was taken got another.
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
if [ "$port" != 5432 ]; then
  $SUDO pg_ctlcluster "$version" main stop 2>/dev/null || true
  $SUDO pg_conftool "$version" main set port 5432
fi
pg_lsclusters -h | grep "^$version main" | grep -q online || $SUDO pg_ctlcluster "$version" main start
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { as_postgres psql -q -v ON_ERROR_STOP=1 -At "$@"; }
for _ in $(seq 1 30); do psql_admin -c 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gatehouse') THEN
    CREATE ROLE gatehouse LOGIN CREATEDB PASSWORD 'gatehouse';
  END IF; END \$\$;"
for db in $(psql_admin -c "SELECT datname FROM pg_database WHERE datname LIKE 'gh_test_%'"); do
  psql_admin -c "DROP DATABASE \"$db\"" >/dev/null
done
echo "PostgreSQL $version is running on 127.0.0.1:5432"
