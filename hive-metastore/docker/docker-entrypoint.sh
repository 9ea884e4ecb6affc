#!/usr/bin/env bash
# Entrypoint of the loglake Hive Metastore image.
#
#   docker-entrypoint.sh serve    (default) prepare the schema, then run the metastore in the foreground
#   docker-entrypoint.sh schema   prepare the schema and exit (a Kubernetes Job runs this once per release)
#   docker-entrypoint.sh <cmd>    run any other command as is (e.g. bash, for debugging)
#
# Configuration comes only from the environment (see README.md); every *_FILE variant reads the value
# from a mounted file instead. metastore-site.xml is rendered from the template at start-up into
# METASTORE_RUNTIME_DIR, so no password is ever part of the image.
set -euo pipefail
# Bash 5.2 expands '&' in the replacement of ${var//pattern/replacement} to the match; xml_escape
# needs a literal '&'.
shopt -u patsub_replacement 2> /dev/null || true

log() { printf '%s docker-entrypoint: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The placeholders of conf/metastore-site.xml.template; envsubst replaces these and nothing else.
readonly TEMPLATE_VARIABLES=(
    METASTORE_DB_URL METASTORE_DB_USER METASTORE_DB_PASSWORD
    METASTORE_BIND_HOST METASTORE_PORT METASTORE_WAREHOUSE_DIR
    S3_ENDPOINT S3_REGION S3_PATH_STYLE_ACCESS S3_SSL_ENABLED
    S3_CREDENTIALS_PROVIDER S3_ACCESS_KEY S3_SECRET_KEY
)

# file_env VAR: VAR_FILE names a file whose content becomes VAR (trailing newline dropped).
file_env() {
    local var="$1" file_var="${1}_FILE"
    if [[ -n "${!var:-}" && -n "${!file_var:-}" ]]; then
        die "both ${var} and ${file_var} are set; set only one of them"
    fi
    if [[ -n "${!file_var:-}" ]]; then
        [[ -r "${!file_var}" ]] || die "${file_var}=${!file_var} is not a readable file"
        printf -v "${var}" '%s' "$(< "${!file_var}")"
        export "${var?}"
        unset "${file_var}"
    fi
}

# XML-escape a value so that a password with & or < cannot break (or inject into) the XML.
xml_escape() {
    local value="$1"
    value="${value//&/&amp;}"
    value="${value//</&lt;}"
    value="${value//>/&gt;}"
    value="${value//\"/&quot;}"
    value="${value//\'/&apos;}"
    printf '%s' "${value}"
}

configure() {
    for var in METASTORE_DB_USER METASTORE_DB_PASSWORD S3_ACCESS_KEY S3_SECRET_KEY; do
        file_env "${var}"
    done

    # Defaults: an AWS deployment with IRSA (web identity) credentials and no static keys.
    : "${METASTORE_BIND_HOST:=0.0.0.0}"
    : "${METASTORE_PORT:=9083}"
    : "${S3_ENDPOINT:=}"
    : "${S3_REGION:=${AWS_REGION:-}}"
    : "${S3_PATH_STYLE_ACCESS:=false}"
    : "${S3_SSL_ENABLED:=true}"
    : "${S3_CREDENTIALS_PROVIDER:=com.amazonaws.auth.WebIdentityTokenCredentialsProvider}"
    : "${S3_ACCESS_KEY:=}"
    : "${S3_SECRET_KEY:=}"
    : "${METASTORE_DB_WAIT_SECONDS:=120}"
    : "${METASTORE_SCHEMA_ACTION:=auto}"
    : "${METASTORE_LOG_LEVEL:=INFO}"
    : "${METASTORE_JAVA_OPTS:=-XX:MaxRAMPercentage=75.0}"
    : "${METASTORE_HOME:?METASTORE_HOME must be set (the image sets it)}"
    : "${METASTORE_RUNTIME_DIR:?METASTORE_RUNTIME_DIR must be set (the image sets it)}"

    local missing=()
    for var in METASTORE_DB_URL METASTORE_DB_USER METASTORE_DB_PASSWORD METASTORE_WAREHOUSE_DIR S3_REGION; do
        [[ -n "${!var:-}" ]] || missing+=("${var}")
    done
    ((${#missing[@]} == 0)) || die "required variables are not set: ${missing[*]} (see README.md; *_FILE variants work for secrets)"

    [[ "${METASTORE_PORT}" =~ ^[0-9]+$ ]] || die "METASTORE_PORT=${METASTORE_PORT} is not a port number"
    [[ "${METASTORE_DB_WAIT_SECONDS}" =~ ^[0-9]+$ ]] || die "METASTORE_DB_WAIT_SECONDS=${METASTORE_DB_WAIT_SECONDS} is not a number of seconds"
    case "${METASTORE_SCHEMA_ACTION}" in
        auto | none) ;;
        *) die "METASTORE_SCHEMA_ACTION=${METASTORE_SCHEMA_ACTION} is not one of: auto, none" ;;
    esac
}

render_config() {
    local template="${METASTORE_HOME}/loglake-conf/metastore-site.xml.template"
    local target="${METASTORE_RUNTIME_DIR}/metastore-site.xml"
    local shell_format
    # shellcheck disable=SC2016 # the literal ${NAME} list is what envsubst expects
    shell_format="$(printf '${%s} ' "${TEMPLATE_VARIABLES[@]}")"
    mkdir -p "${METASTORE_RUNTIME_DIR}"
    (
        umask 077 # the rendered file holds the database password: readable by this user only
        for var in "${TEMPLATE_VARIABLES[@]}"; do
            export "${var}=$(xml_escape "${!var}")"
        done
        envsubst "${shell_format}" < "${template}" > "${target}.tmp"
    )
    # Like the local stack's renderer: a placeholder left without a value is an error. Comments are
    # not configuration (the template's header mentions the ${NAME} syntax), so they are skipped.
    local leftover
    leftover="$(perl -0777 -ne 's/<!--.*?-->//gs; print "$1\n" while /(\$\{[^}]*\})/g' "${target}.tmp")"
    if [[ -n "${leftover}" ]]; then
        rm -f "${target}.tmp"
        die "placeholders without a value in ${template}: ${leftover//$'\n'/ }"
    fi
    mv "${target}.tmp" "${target}"
    cp "${METASTORE_HOME}/loglake-conf/metastore-log4j2.properties" "${METASTORE_RUNTIME_DIR}/"
    log "rendered ${target}"
}

# Bounded wait for the database's TCP port, so that an unreachable database fails loudly and early.
wait_for_database() {
    local url="${METASTORE_DB_URL}" host port
    if [[ "${url}" =~ ^jdbc:postgresql://([^/:?,]+)(:([0-9]+))?/ ]]; then
        host="${BASH_REMATCH[1]}"
        port="${BASH_REMATCH[3]:-5432}"
    else
        die "METASTORE_DB_URL must look like jdbc:postgresql://HOST[:PORT]/DATABASE[?...], got: ${url%%\?*}"
    fi
    local deadline=$((SECONDS + METASTORE_DB_WAIT_SECONDS))
    log "waiting up to ${METASTORE_DB_WAIT_SECONDS}s for PostgreSQL at ${host}:${port}"
    until timeout 3 bash -c "exec 3<>/dev/tcp/${host}/${port}" 2> /dev/null; do
        if ((SECONDS >= deadline)); then
            die "PostgreSQL at ${host}:${port} is not reachable after ${METASTORE_DB_WAIT_SECONDS}s; check METASTORE_DB_URL, DNS, and the database security group"
        fi
        sleep 2
    done
    log "PostgreSQL at ${host}:${port} accepts connections"
}

java_classpath() { printf '%s:%s/lib/*' "${METASTORE_RUNTIME_DIR}" "${METASTORE_HOME}"; }

run_java() {
    local main_class="$1"
    shift
    # shellcheck disable=SC2086 # METASTORE_JAVA_OPTS is a list of JVM options, split on purpose
    java ${METASTORE_JAVA_OPTS} \
        -Dlog4j.configurationFile="${METASTORE_RUNTIME_DIR}/metastore-log4j2.properties" \
        -Dmetastore.log.level="${METASTORE_LOG_LEVEL}" \
        -cp "$(java_classpath)" "${main_class}" "$@"
}

schema_tool() { run_java org.apache.hadoop.hive.metastore.tools.schematool.MetastoreSchemaTool -dbType postgres "$@"; }

# Initialise the schema when it is absent, upgrade it when it is older than this metastore, else do nothing.
prepare_schema() {
    if [[ "${METASTORE_SCHEMA_ACTION}" == none ]]; then
        log "METASTORE_SCHEMA_ACTION=none: not touching the schema (the metastore verifies it at start-up)"
        return
    fi
    local info status=0
    info="$(schema_tool -info 2>&1)" || status=$?
    if ((status == 0)); then
        log "metastore schema is current: $(grep -m1 'Metastore schema version' <<< "${info}" || true)"
    elif grep -q 'Metastore schema version:' <<< "${info}"; then
        log "metastore schema is older than this metastore ($(grep -m1 'Metastore schema version' <<< "${info}")); upgrading"
        schema_tool -upgradeSchema || die "schema upgrade failed; the database was left as the schema tool left it (see the log above)"
    elif grep -qiE 'password authentication failed|permission denied|no pg_hba.conf entry|does not exist' <<< "${info}" \
        && ! grep -qiE 'relation .* does not exist' <<< "${info}"; then
        printf '%s\n' "${info}" >&2
        die "cannot use the database with the configured credentials (see the schema tool output above)"
    else
        log "no metastore schema found; initialising it"
        schema_tool -initSchema || die "schema initialisation failed (see the log above)"
    fi
}

main() {
    local command="${1:-serve}"
    case "${command}" in
        serve | schema)
            configure
            render_config
            wait_for_database
            prepare_schema
            if [[ "${command}" == schema ]]; then
                log "schema ready"
                exit 0
            fi
            log "starting Hive Metastore on ${METASTORE_BIND_HOST}:${METASTORE_PORT}"
            export METASTORE_CONF_DIR="${METASTORE_RUNTIME_DIR}"
            # shellcheck disable=SC2086
            exec java ${METASTORE_JAVA_OPTS} \
                -Dlog4j.configurationFile="${METASTORE_RUNTIME_DIR}/metastore-log4j2.properties" \
                -Dmetastore.log.level="${METASTORE_LOG_LEVEL}" \
                -cp "$(java_classpath)" org.apache.hadoop.hive.metastore.HiveMetaStore
            ;;
        *)
            exec "$@"
            ;;
    esac
}

main "$@"
