#!/usr/bin/env bash
# Source this (". scripts/ci-postgres.sh") to get a throw-away PostgreSQL database for the tests:
# installs Debian's postgresql when it is missing, starts a local server when none answers,
# creates a new user and database with a random password, and exports TEST_POSTGRES_URL.
# Never touches an existing database. Needs root (or sudo) only to install or start the server.
# ci_postgres_cleanup drops the user and its databases, and stops the server if this started it.
set -euo pipefail

_pg_sudo=""; [ "$(id -u)" -ne 0 ] && _pg_sudo="sudo"
_pg_as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing Debian's postgresql for the PostgreSQL tests…"
  export DEBIAN_FRONTEND=noninteractive
  $_pg_sudo apt-get update -qq
  $_pg_sudo apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  # The first cluster Debian made (created with the package); make one if there is none.
  _pg_cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  if [ -z "$_pg_cluster" ]; then
    _pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    $_pg_sudo pg_createcluster "$_pg_version" main >/dev/null
    _pg_cluster="$_pg_version main"
  fi
  echo "Starting PostgreSQL cluster $_pg_cluster…"
  $_pg_sudo pg_ctlcluster $_pg_cluster start
  CI_POSTGRES_STARTED="$_pg_cluster"
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

_pg_name="civic_test_$(date +%s)_$$"
_pg_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
_pg_as_postgres psql -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -d postgres <<SQL
CREATE ROLE "$_pg_name" LOGIN CREATEDB PASSWORD '$_pg_password';
CREATE DATABASE "$_pg_name" OWNER "$_pg_name" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
SQL
export TEST_POSTGRES_URL="postgresql://$_pg_name:$_pg_password@127.0.0.1:5432/$_pg_name"
echo "PostgreSQL test database: $_pg_name (throw-away; user and databases are dropped after the tests)"

ci_postgres_cleanup() {
  _pg_as_postgres psql -q -h /var/run/postgresql -d postgres -c "DROP DATABASE IF EXISTS \"$_pg_name\" WITH (FORCE)" >/dev/null 2>&1 || true
  # Databases the tests made beside it (they drop their own; this catches an interrupted run).
  for _db in $(_pg_as_postgres psql -At -h /var/run/postgresql -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE '${_pg_name}\\_%'" 2>/dev/null); do
    _pg_as_postgres psql -q -h /var/run/postgresql -d postgres -c "DROP DATABASE IF EXISTS \"$_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
  _pg_as_postgres psql -q -h /var/run/postgresql -d postgres -c "DROP ROLE IF EXISTS \"$_pg_name\"" >/dev/null 2>&1 || true
  if [ -n "${CI_POSTGRES_STARTED:-}" ]; then $_pg_sudo pg_ctlcluster $CI_POSTGRES_STARTED stop || true; fi
}
