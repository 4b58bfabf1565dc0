#!/usr/bin/env bash
# Runs once, on the first start of the postgres container (an empty data volume), from
# /docker-entrypoint-initdb.d: one database and one owner per service, and one for Keycloak.
# Passwords come from the container's environment (compose.yaml passes them from .env).
set -euo pipefail

create() { # database owner password
  local db="$1" owner="$2" password="$3"
  if [ -z "$password" ]; then
    echo "init-databases: no password for $owner" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v owner="$owner" -v password="$password" -v db="$db" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "init-databases: database $db owned by $owner"
}

create submission submission "${SUBMISSION_DB_PASSWORD:-}"
create curation curation "${CURATION_DB_PASSWORD:-}"
create publicweb publicweb "${PUBLICWEB_DB_PASSWORD:-}"
create keycloak keycloak "${KEYCLOAK_DB_PASSWORD:-}"
