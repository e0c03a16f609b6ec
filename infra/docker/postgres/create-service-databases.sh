#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume
# (/docker-entrypoint-initdb.d): one role and one database per service, each owning its own, so no
# service can read another's tables. SERVICE_DATABASES lists them; a role's password is its name,
# which is good enough for a laptop and nothing else.
set -eu

for service in ${SERVICE_DATABASES}; do
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres <<SQL
CREATE ROLE "${service}" LOGIN PASSWORD '${service}';
CREATE DATABASE "${service}" OWNER "${service}";
REVOKE ALL ON DATABASE "${service}" FROM PUBLIC;
SQL
done
