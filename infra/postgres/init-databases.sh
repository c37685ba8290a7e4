#!/bin/sh
# Creates one database per service on the first start of an empty data volume. The official
# postgres image runs every script in /docker-entrypoint-initdb.d once, as POSTGRES_USER, against a
# server that listens on the Unix socket only; later starts skip this folder entirely.
set -eu

for database in registry ledger market dividends; do
  # \gexec runs the generated statement only when the database is missing, so a half-finished
  # earlier attempt does not make the script fail.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" <<SQL
SELECT 'CREATE DATABASE "$database" OWNER "$POSTGRES_USER"'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database')\gexec
SQL
done
