#!/usr/bin/env bash
# Gives the Hive Metastore a database role of its own on the RDS PostgreSQL, so that it never logs in as the
# master (issue #12). Run by the Job k8s/metastore/db-user-job.yaml, as the RDS master user, before the schema
# Job. Idempotent: a rerun changes nothing, except the role's password when the Secret hive-metastore-db holds
# a new one.
#
#   - role METASTORE_DB_USER: LOGIN, NOSUPERUSER, NOCREATEDB, NOCREATEROLE, password METASTORE_DB_PASSWORD;
#   - it owns the database of METASTORE_DB_URL and that database's schema public (PostgreSQL 15+ no longer lets
#     every role create tables in public; the schema tool creates the metastore's tables there).
#
# On RDS the master is no superuser (it has rds_superuser, CREATEROLE, CREATEDB). PostgreSQL 16 lets it give a
# database to a role only if it may SET ROLE to it, hence the GRANT of the role to the master; and only a
# superuser may name the SUPERUSER attribute in ALTER ROLE, hence the attributes are changed only where they
# differ (a role created here never has it).
#
# Environment:
#   METASTORE_DB_URL          the metastore's JDBC URL (jdbc:postgresql://HOST[:PORT]/DATABASE[?...])
#   METASTORE_DB_USER         the role to create or update
#   METASTORE_DB_PASSWORD     its password (printable ASCII)
#   DB_MASTER_LOGIN_FILE      the RDS-managed master secret as JSON ({"username": ..., "password": ...})
#   PGSSLMODE, PGSSLROOTCERT  as libpq reads them
#
# No password is ever a process argument or logged: the master's reaches psql through PGPASSWORD, and the role
# gets a SCRAM-SHA-256 verifier computed here, so the server never sees the new password itself.
set -euo pipefail

log() { printf '%s ensure-metastore-user: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

check_environment() {
    local missing=() var
    for var in METASTORE_DB_URL METASTORE_DB_USER METASTORE_DB_PASSWORD DB_MASTER_LOGIN_FILE; do
        [[ -n "${!var:-}" ]] || missing+=("${var}")
    done
    ((${#missing[@]} == 0)) || die "required variables are not set: ${missing[*]}"
    # PostgreSQL normalises non-ASCII passwords (SASLprep) before hashing; the verifier below does not.
    [[ "${METASTORE_DB_PASSWORD}" =~ ^[[:graph:]]+$ && "${METASTORE_DB_PASSWORD}" != *[![:ascii:]]* ]] \
        || die "METASTORE_DB_PASSWORD must be printable ASCII without spaces"
    [[ "${METASTORE_DB_USER}" =~ ^[a-z_][a-z0-9_]*$ ]] || die "METASTORE_DB_USER=${METASTORE_DB_USER} is not a plain role name"
    [[ -r "${DB_MASTER_LOGIN_FILE}" ]] || die "DB_MASTER_LOGIN_FILE=${DB_MASTER_LOGIN_FILE} is not a readable file"
}

# Sets DB_HOST, DB_PORT and DB_NAME from the JDBC URL the metastore uses, so that both reach the same database.
parse_url() {
    if [[ "${METASTORE_DB_URL}" =~ ^jdbc:postgresql://([^/:?,]+)(:([0-9]+))?/([a-z_][a-z0-9_]*)([?].*)?$ ]]; then
        DB_HOST="${BASH_REMATCH[1]}"
        DB_PORT="${BASH_REMATCH[3]:-5432}"
        DB_NAME="${BASH_REMATCH[4]}"
    else
        die "METASTORE_DB_URL must look like jdbc:postgresql://HOST[:PORT]/DATABASE[?...], got: ${METASTORE_DB_URL%%\?*}"
    fi
}

# One field of the master secret's JSON. A parse error is reported without the text (perl's message quotes it).
master_login_field() {
    perl -MJSON::PP -e '
        my $login = eval { decode_json(do { local $/; <STDIN> }) };
        ref($login) eq "HASH" or die "not a JSON object\n";
        print $login->{$ARGV[0]} // "";' "$1" < "${DB_MASTER_LOGIN_FILE}" 2> /dev/null
}

# Sets MASTER_USER and exports PGPASSWORD from the secret RDS manages.
read_master_login() {
    MASTER_USER="$(master_login_field username)" \
        || die "${DB_MASTER_LOGIN_FILE} is not the JSON object of an RDS master secret"
    PGPASSWORD="$(master_login_field password)"
    [[ -n "${MASTER_USER}" && -n "${PGPASSWORD}" ]] || die "${DB_MASTER_LOGIN_FILE} lacks username or password"
    export PGPASSWORD
}

# The SCRAM-SHA-256 verifier of METASTORE_DB_PASSWORD (RFC 7677, as PostgreSQL stores it), with a fresh salt.
scram_verifier() {
    perl -MDigest::SHA=hmac_sha256,sha256 -MMIME::Base64 -e '
        my ($password, $iterations) = ($ENV{METASTORE_DB_PASSWORD}, 4096);
        open(my $random, "<:raw", "/dev/urandom") or die "cannot read /dev/urandom\n";
        read($random, my $salt, 16) == 16 or die "short read from /dev/urandom\n";
        my $block = hmac_sha256($salt . pack("N", 1), $password);
        my $salted = $block;
        for (2 .. $iterations) { $block = hmac_sha256($block, $password); $salted ^= $block; }
        my ($client_key, $server_key) = (hmac_sha256("Client Key", $salted), hmac_sha256("Server Key", $salted));
        printf("SCRAM-SHA-256\$%d:%s\$%s:%s", $iterations, encode_base64($salt, ""),
            encode_base64(sha256($client_key), ""), encode_base64($server_key, ""));'
}

# Runs the SQL on standard input as the master in database $1; psql variables role and database are set.
as_master() {
    psql -X -q -t -A -w -v ON_ERROR_STOP=1 -h "${DB_HOST}" -p "${DB_PORT}" -U "${MASTER_USER}" -d "$1" \
        -v role="${METASTORE_DB_USER}" -v database="${DB_NAME}"
}

# Whether the role logs in with METASTORE_DB_PASSWORD already (the master cannot read password hashes on RDS).
password_is_current() {
    PGPASSWORD="${METASTORE_DB_PASSWORD}" psql -X -q -w -h "${DB_HOST}" -p "${DB_PORT}" \
        -U "${METASTORE_DB_USER}" -d "${DB_NAME}" -c 'SELECT 1' > /dev/null 2>&1
}

set_password() {
    METASTORE_DB_VERIFIER="$(scram_verifier)" as_master postgres <<'SQL'
\getenv verifier METASTORE_DB_VERIFIER
ALTER ROLE :"role" PASSWORD :'verifier';
SQL
}

ensure_role() {
    local attributes
    attributes="$(as_master postgres <<'SQL'
SELECT concat_ws(' ', CASE WHEN rolsuper THEN 'SUPERUSER' END, CASE WHEN NOT rolcanlogin THEN 'LOGIN' END,
                      CASE WHEN rolcreatedb THEN 'NOCREATEDB' END, CASE WHEN rolcreaterole THEN 'NOCREATEROLE' END)
FROM pg_roles WHERE rolname = :'role';
SQL
    )"
    if [[ -z "$(as_master postgres <<< "SELECT 1 FROM pg_roles WHERE rolname = :'role';")" ]]; then
        METASTORE_DB_VERIFIER="$(scram_verifier)" as_master postgres <<'SQL'
\getenv verifier METASTORE_DB_VERIFIER
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'verifier';
SQL
        log "created role ${METASTORE_DB_USER} (LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE) with its password"
        return
    fi
    [[ "${attributes}" != SUPERUSER* ]] \
        || die "role ${METASTORE_DB_USER} is a superuser; the metastore must not be (only a superuser can change that)"
    if [[ -n "${attributes}" ]]; then
        as_master postgres <<< "ALTER ROLE :\"role\" ${attributes};"
        log "role ${METASTORE_DB_USER}: set ${attributes}"
    else
        log "role ${METASTORE_DB_USER}: attributes already LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
    fi
    if password_is_current; then
        log "role ${METASTORE_DB_USER}: password unchanged"
    else
        set_password
        log "role ${METASTORE_DB_USER}: password set from the Secret"
    fi
}

# PostgreSQL 16: giving an object to a role needs the right to SET ROLE to it. Creating the role made the master
# a member with ADMIN OPTION but without SET (nor INHERIT), so the master grants itself that membership.
ensure_master_membership() {
    if [[ "$(as_master postgres <<< "SELECT pg_has_role(current_user, :'role', 'SET');")" == t ]]; then
        return
    fi
    as_master postgres <<< 'GRANT :"role" TO CURRENT_USER WITH SET TRUE;'
    log "granted role ${METASTORE_DB_USER} to ${MASTER_USER} (needed to hand objects to it)"
}

ensure_database_owner() {
    local owner
    owner="$(as_master postgres <<< "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = :'database';")"
    if [[ -z "${owner}" ]]; then
        as_master postgres <<< 'CREATE DATABASE :"database" OWNER :"role";'
        log "created database ${DB_NAME} owned by ${METASTORE_DB_USER}"
    elif [[ "${owner}" != "${METASTORE_DB_USER}" ]]; then
        as_master postgres <<< 'ALTER DATABASE :"database" OWNER TO :"role";'
        log "database ${DB_NAME}: owner ${owner} -> ${METASTORE_DB_USER}"
    else
        log "database ${DB_NAME}: already owned by ${METASTORE_DB_USER}"
    fi
}

ensure_schema_owner() {
    local owner
    owner="$(as_master "${DB_NAME}" <<< "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public';")"
    if [[ "${owner}" != "${METASTORE_DB_USER}" ]]; then
        as_master "${DB_NAME}" <<< 'ALTER SCHEMA public OWNER TO :"role";'
        log "schema public of ${DB_NAME}: owner ${owner:-none} -> ${METASTORE_DB_USER}"
    else
        log "schema public of ${DB_NAME}: already owned by ${METASTORE_DB_USER}"
    fi
}

main() {
    check_environment
    parse_url
    read_master_login
    log "connecting to ${DB_HOST}:${DB_PORT} as ${MASTER_USER} (sslmode ${PGSSLMODE:-prefer})"
    ensure_role
    ensure_master_membership
    ensure_database_owner
    ensure_schema_owner
    log "role ${METASTORE_DB_USER} is ready"
}

main "$@"
