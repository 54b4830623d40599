#!/usr/bin/env bash
# Restores a backup written by backup-database.sh into an EMPTY database, in a single transaction: either the
# whole backup is restored or nothing is. The backup must match the SHA-256 checksum beside it (<file>.sha256).
#
# Usage: restore-database.sh <file.sql.gz>
# Settings: DB_HOST (localhost), DB_PORT (5432), DB_USER (postgres), DB_NAME (go_wms), PGPASSWORD or DB_PASSWORD
#   (handed to psql as a temporary password file, never in its environment),
#   DB_SSLMODE, DB_SSLROOTCERT, DB_SSLCERT, DB_SSLKEY (or PGSSLMODE, PGSSLROOTCERT, PGSSLCERT, PGSSLKEY, which take
#   precedence); the same variables as the library and backup-database.sh.
# Create the empty database first, for example: createdb -O <owner> go_wms_restored
set -euo pipefail

fail() {
    echo "restore-database.sh: $*" >&2
    exit 1
}

(($# == 1)) || fail "usage: restore-database.sh <file.sql.gz>"
backup_file="$1"
[[ -f "$backup_file" && -r "$backup_file" ]] || fail "cannot read the backup file '$backup_file'"

DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-postgres}"
DB_NAME="${DB_NAME:-go_wms}"

for tool in psql gzip sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed or not on PATH"
done

source "$(dirname "${BASH_SOURCE[0]}")/libpq-environment.sh"

# A backup that changed since it was written (damage, a partial copy, a file put in its place) is refused first.
checksum_file="$backup_file.sha256"
[[ -f "$checksum_file" && -r "$checksum_file" ]] \
    || fail "there is no checksum file $checksum_file beside the backup; for a backup made without one, check it" \
        "by other means and write it with: sha256sum <file> > <file>.sha256"
read -r expected_checksum _ <"$checksum_file" || true
[[ "${expected_checksum:-}" =~ ^[0-9a-f]{64}$ ]] || fail "$checksum_file does not hold a SHA-256 checksum"
actual_checksum="$(sha256sum -- "$backup_file")"
[[ "${actual_checksum%% *}" == "$expected_checksum" ]] \
    || fail "$backup_file does not match its checksum in $checksum_file; it changed since the backup was written"

# psql commits whatever it read when its input ends early, so a damaged or cut-off file is refused before it starts.
gzip -t -- "$backup_file" 2>/dev/null || fail "$backup_file is not a complete gzip file"
last_lines="$(gzip -dc -- "$backup_file" | tail -n 5)"
[[ "$last_lines" == *"-- PostgreSQL database dump complete"* ]] \
    || fail "$backup_file does not end with pg_dump's completion mark; it is not a complete dump"

user_relations="$(psql -X --no-password --no-align --tuples-only -v ON_ERROR_STOP=1 -c \
    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
        and n.nspname not like 'pg\_temp\_%'")" \
    || fail "cannot connect to database $DB_NAME at $DB_HOST:$DB_PORT as $DB_USER"
((user_relations == 0)) \
    || fail "database $DB_NAME at $DB_HOST:$DB_PORT is not empty ($user_relations tables, indexes or sequences);" \
        "restore into a new, empty database"

gzip -dc -- "$backup_file" \
    | psql -X --no-password --quiet --single-transaction -v ON_ERROR_STOP=1 --file=- >/dev/null \
    || fail "restoring $backup_file into $DB_NAME failed and was rolled back; the database is as empty as before"

echo "Restored $backup_file into $DB_NAME at $DB_HOST:$DB_PORT"
