# Sourced by backup-database.sh and restore-database.sh: hands the library's DB_* settings to libpq (pg_dump, psql)
# through its own environment variables, so that the scripts and the application read one configuration.

export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGDATABASE="$DB_NAME"
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
if [[ -z "${PGPASSWORD:-}" && -n "${DB_PASSWORD:-}" ]]; then
    export PGPASSWORD="$DB_PASSWORD"
fi
# libpq's own PGSSL* variables win over the library's: libpq reads a client key only as PEM, while pgjdbc may need
# the same key as PKCS#8 DER.
for pair in PGSSLMODE:DB_SSLMODE PGSSLROOTCERT:DB_SSLROOTCERT PGSSLCERT:DB_SSLCERT PGSSLKEY:DB_SSLKEY; do
    libpq_name="${pair%%:*}"
    wms_name="${pair#*:}"
    if [[ -z "${!libpq_name:-}" && -n "${!wms_name:-}" ]]; then
        export "$libpq_name=${!wms_name}"
    fi
done
