# Sourced by backup-database.sh and restore-database.sh after they define fail(): hands the library's DB_* settings to
# libpq (pg_dump, psql) through its own environment variables, so that the scripts and the application read one
# configuration, and removes the script's temporary files however it ends.

# Files the script removes when it ends, normally, on failure or on a signal; the scripts add their own.
temporary_files=()
# The process a signal must stop as well: a dump still running would keep writing for nobody.
running_child=""

remove_temporary_files() {
    if ((${#temporary_files[@]} > 0)); then
        rm -f -- "${temporary_files[@]}"
    fi
}

stop_on_signal() {
    if [[ -n "$running_child" ]]; then
        kill -TERM "$running_child" 2>/dev/null || true
    fi
    exit "$1"
}

trap remove_temporary_files EXIT
# Without these traps a signal would end bash without running the EXIT trap.
trap 'stop_on_signal 129' HUP
trap 'stop_on_signal 130' INT
trap 'stop_on_signal 143' TERM

export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGDATABASE="$DB_NAME"
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

# The password goes to libpq in a password file readable by this user only, never in PGPASSWORD: the environment of
# a process can be read by other users on some systems (ps e, /proc/<pid>/environ on older kernels) and is inherited
# by every child.
wms_password="${PGPASSWORD:-${DB_PASSWORD:-}}"
unset PGPASSWORD DB_PASSWORD
if [[ -n "$wms_password" ]]; then
    [[ "$wms_password" != *$'\n'* && "$wms_password" != *$'\r'* ]] \
        || fail "the password holds a line break, which a libpq password file cannot hold"
    PGPASSFILE="$(mktemp -- "${TMPDIR:-/tmp}/wms-pgpass.XXXXXX")" || fail "cannot create a temporary password file"
    temporary_files+=("$PGPASSFILE")
    # In a password file '\' and ':' are escaped with '\'; '*' matches any host, port, database and user.
    wms_password="${wms_password//\\/\\\\}"
    printf '*:*:*:*:%s\n' "${wms_password//:/\\:}" >"$PGPASSFILE"
    export PGPASSFILE
fi
unset wms_password

# libpq's own PGSSL* variables win over the library's: libpq reads a client key only as PEM, while pgjdbc may need
# the same key as PKCS#8 DER.
for pair in PGSSLMODE:DB_SSLMODE PGSSLROOTCERT:DB_SSLROOTCERT PGSSLCERT:DB_SSLCERT PGSSLKEY:DB_SSLKEY; do
    libpq_name="${pair%%:*}"
    wms_name="${pair#*:}"
    if [[ -z "${!libpq_name:-}" && -n "${!wms_name:-}" ]]; then
        export "$libpq_name=${!wms_name}"
    fi
done
