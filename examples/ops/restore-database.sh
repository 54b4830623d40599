#!/usr/bin/env bash
# Restores a backup written by backup-database.sh, an archive in pg_dump's custom format, into an EMPTY database
# with pg_restore, in a single transaction: either the whole backup is restored or nothing is.
#
# Any other input is refused, a plain SQL dump above all: psql would run the meta-commands such a file can hold
# (\! runs a shell command, \o and \copy ... program write files and run programs, \i reads files) on this machine,
# as this user. pg_restore has no meta-commands; it sends the archive's SQL to the server and nothing else.
#
# The SHA-256 checksum beside the file (<file>.sha256) must match. It catches accidents (a partial copy, a damaged
# disk, the wrong file) and proves nothing about where the file came from: whoever can replace a backup can replace
# its checksum too. Restore only backups kept where no one else can write, as a role that is not a superuser: the
# archive's SQL runs with DB_USER's rights.
#
# Usage: restore-database.sh <file.dump>
# Settings: DB_HOST (localhost), DB_PORT (5432), DB_USER (postgres), DB_NAME (go_wms), PGPASSWORD or DB_PASSWORD
#   (handed to libpq as a temporary password file, never in the environment of psql or pg_restore),
#   DB_SSLMODE, DB_SSLROOTCERT, DB_SSLCERT, DB_SSLKEY (or PGSSLMODE, PGSSLROOTCERT, PGSSLCERT, PGSSLKEY, which take
#   precedence); the same variables as the library and backup-database.sh.
# Create the empty database first, for example: createdb -O <owner> go_wms_restored
set -euo pipefail

fail() {
    echo "restore-database.sh: $*" >&2
    exit 1
}

(($# == 1)) || fail "usage: restore-database.sh <file.dump>"
backup_file="$1"
[[ -f "$backup_file" && -r "$backup_file" ]] || fail "cannot read the backup file '$backup_file'"

DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-postgres}"
DB_NAME="${DB_NAME:-go_wms}"

# pg_restore reads a --dbname holding '=' as connection settings; backup-database.sh takes the same names.
[[ "$DB_NAME" =~ ^[A-Za-z0-9_.-]+$ ]] || fail "DB_NAME may hold only letters, digits, '_', '.' and '-', got '$DB_NAME'"

for tool in pg_restore psql sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed or not on PATH"
done

source "$(dirname "${BASH_SOURCE[0]}")/libpq-environment.sh"

# A backup damaged since it was written (a partial copy, a failing disk, another file copied in its place by mistake)
# is refused first.
checksum_file="$backup_file.sha256"
[[ -f "$checksum_file" && -r "$checksum_file" ]] \
    || fail "there is no checksum file $checksum_file beside the backup; for a backup made without one, check it" \
        "by other means and write it with: sha256sum <file> > <file>.sha256"
read -r expected_checksum _ <"$checksum_file" || true
[[ "${expected_checksum:-}" =~ ^[0-9a-f]{64}$ ]] || fail "$checksum_file does not hold a SHA-256 checksum"
actual_checksum="$(sha256sum -- "$backup_file")"
[[ "${actual_checksum%% *}" == "$expected_checksum" ]] \
    || fail "$backup_file does not match its checksum in $checksum_file; it changed since the backup was written"

# Every custom-format archive starts with these five bytes; a plain SQL dump, compressed or not, never does.
[[ "$(head -c 5 -- "$backup_file" | tr -d '\0')" == "PGDMP" ]] \
    || fail "$backup_file is not an archive in pg_dump's custom format (pg_dump --format=custom);" \
        "plain SQL dumps are refused, as psql would run the shell and file commands they can hold" \
        "(see examples/ops/README.md)"
# Reading the whole archive once, writing its SQL nowhere, refuses a cut-off or damaged one before the database is
# touched.
pg_restore --file=/dev/null -- "$backup_file" 2>/dev/null \
    || fail "$backup_file is not a complete pg_dump archive; it does not read to its end"

user_relations="$(psql -X --no-password --no-align --tuples-only -v ON_ERROR_STOP=1 -c \
    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
        and n.nspname not like 'pg\_temp\_%'")" \
    || fail "cannot connect to database $DB_NAME at $DB_HOST:$DB_PORT as $DB_USER"
((user_relations == 0)) \
    || fail "database $DB_NAME at $DB_HOST:$DB_PORT is not empty ($user_relations tables, indexes or sequences);" \
        "restore into a new, empty database"

# --single-transaction stops at the first error (it implies --exit-on-error), and the transaction is never committed.
pg_restore --no-password --single-transaction --exit-on-error --dbname="$DB_NAME" -- "$backup_file" \
    || fail "restoring $backup_file into $DB_NAME failed and was rolled back; the database is as empty as before"

echo "Restored $backup_file into $DB_NAME at $DB_HOST:$DB_PORT"
