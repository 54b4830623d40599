#!/usr/bin/env bash
# Dumps the wms database to a timestamped archive in pg_dump's custom format (compressed, and restored with
# pg_restore, never with psql: see restore-database.sh) with its SHA-256 checksum beside it (<file>.sha256, as
# sha256sum writes it), and then deletes that database's backups older than the retention. A dump that fails, or a
# run that is killed, leaves no file behind and deletes nothing.
#
# Settings (the same environment variables as the library, with the same defaults):
#   DB_HOST (localhost), DB_PORT (5432), DB_USER (postgres), DB_NAME (go_wms),
#   PGPASSWORD or DB_PASSWORD (or ~/.pgpass; either variable reaches pg_dump only as a temporary password file
#   readable by this user, removed at exit), DB_SSLMODE, DB_SSLROOTCERT, DB_SSLCERT, DB_SSLKEY (or libpq's
#   PGSSLMODE, PGSSLROOTCERT, PGSSLCERT, PGSSLKEY, which take precedence),
#   BACKUP_DIR (/opt/backups/database), RETENTION_DAYS (30).
# Prints the path of the new backup on standard output as soon as it is complete; the names of deleted backups and
# errors go to standard error, and any failure ends the script with a non-zero exit status.
set -euo pipefail

fail() {
    echo "backup-database.sh: $*" >&2
    exit 1
}

DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-postgres}"
DB_NAME="${DB_NAME:-go_wms}"
BACKUP_DIR="${BACKUP_DIR:-/opt/backups/database}"
RETENTION_DAYS="${RETENTION_DAYS:-30}"

[[ "$RETENTION_DAYS" =~ ^[1-9][0-9]*$ ]] || fail "RETENTION_DAYS must be a whole number of days, at least 1, got '$RETENTION_DAYS'"
# The name becomes part of a file name and of the pattern that selects backups to delete.
[[ "$DB_NAME" =~ ^[A-Za-z0-9_.-]+$ ]] || fail "DB_NAME may hold only letters, digits, '_', '.' and '-', got '$DB_NAME'"

for tool in pg_dump pg_restore psql sha256sum; do
    command -v "$tool" >/dev/null 2>&1 \
        || fail "$tool is not installed or not on PATH; install the PostgreSQL client tools of the server's major version (or newer)"
done

source "$(dirname "${BASH_SOURCE[0]}")/libpq-environment.sh"

# pg_dump refuses to dump a server of a newer major version; say so plainly before trying.
pg_dump_version="$(pg_dump --version)"
[[ "$pg_dump_version" =~ ([0-9]+)\.[0-9]+ ]] || fail "cannot read the version of pg_dump from '$pg_dump_version'"
client_major="${BASH_REMATCH[1]}"
server_version_num="$(psql -X --no-password --no-align --tuples-only -v ON_ERROR_STOP=1 -c 'SHOW server_version_num')" \
    || fail "cannot connect to database $DB_NAME at $DB_HOST:$DB_PORT as $DB_USER"
server_major=$((server_version_num / 10000))
if ((client_major < server_major)); then
    fail "pg_dump $client_major is older than the PostgreSQL $server_major server at $DB_HOST:$DB_PORT and cannot dump it;" \
        "put pg_dump $server_major or newer first on PATH (on Debian: /usr/lib/postgresql/$server_major/bin)"
fi

umask 077
mkdir -p -- "$BACKUP_DIR"
backup_file="$BACKUP_DIR/${DB_NAME}_backup_$(date +%Y%m%d_%H%M%S).dump"
checksum_file="$backup_file.sha256"

# The dump is written under a name the retention and the restore never pick up, and linked to its own name only when
# complete; the EXIT trap removes the hidden files however the script ends.
partial_file="$(mktemp -- "$BACKUP_DIR/.${DB_NAME}_backup.XXXXXX.partial")"
temporary_files+=("$partial_file" "$partial_file.sha256")
# In the background, so that a signal reaches the trap at once instead of after the whole dump.
pg_dump --no-password --format=custom --compress=6 --file="$partial_file" &
running_child=$!
wait "$running_child" \
    || fail "pg_dump of $DB_NAME at $DB_HOST:$DB_PORT failed; no backup was written and none was deleted"
running_child=""
# Reading the whole archive back, as a restore will, proves it complete before it gets a backup's name.
pg_restore --file=/dev/null -- "$partial_file" || fail "the dump does not read back; no backup was written"
checksum="$(sha256sum -- "$partial_file")"
printf '%s  %s\n' "${checksum%% *}" "${backup_file##*/}" >"$partial_file.sha256"
# A hard link fails when the name exists, where a check followed by mv could overwrite a backup made in between.
ln -T -- "$partial_file" "$backup_file" 2>/dev/null \
    || fail "$backup_file already exists; a backup was taken this very second"
ln -T -- "$partial_file.sha256" "$checksum_file" 2>/dev/null || {
    rm -f -- "$backup_file"
    fail "$checksum_file already exists; no backup was written"
}
echo "$backup_file"

# -mmin rather than -mtime: -mtime +30 would keep a backup until it is 31 whole days old. The plain SQL dumps
# (.sql.gz) of earlier versions of this script expire too, although restore-database.sh no longer reads them.
find "$BACKUP_DIR" -maxdepth 1 -type f \
    \( -name "${DB_NAME}_backup_*.dump" -o -name "${DB_NAME}_backup_*.dump.sha256" \
    -o -name "${DB_NAME}_backup_*.sql.gz" -o -name "${DB_NAME}_backup_*.sql.gz.sha256" \) \
    -mmin +$((RETENTION_DAYS * 24 * 60)) -print -delete \
    | sed 's/^/Deleted expired backup: /' >&2
