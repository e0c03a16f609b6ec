#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume
# (/docker-entrypoint-initdb.d): one role and one database per service, each owning its own, so no
# service can read another's tables. SERVICE_DATABASES lists them; each role's password comes from
# <SERVICE>_DATABASE_PASSWORD (`node tools/secrets.mjs compose` generates them into .env), never from
# the repository.
set -eu

for service in ${SERVICE_DATABASES}; do
  variable="$(echo "${service}" | tr '[:lower:]' '[:upper:]')_DATABASE_PASSWORD"
  password="$(printenv "${variable}" || true)"
  if [ -z "${password}" ]; then
    echo "create-service-databases: ${variable} is not set" >&2
    exit 1
  fi
  # psql variables (:"name" quotes an identifier, :'password' a literal): no value is spliced into SQL.
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
    -v service="${service}" -v password="${password}" <<'SQL'
CREATE ROLE :"service" LOGIN PASSWORD :'password';
CREATE DATABASE :"service" OWNER :"service";
REVOKE ALL ON DATABASE :"service" FROM PUBLIC;
SQL
done
