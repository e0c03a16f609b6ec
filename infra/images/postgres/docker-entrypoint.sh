#!/bin/bash
# The entry point of the local postgres:17 stand-in (infra/images/postgres/Containerfile), doing what
# the official image's docker-entrypoint.sh does for the settings Vouch uses:
# - on an empty PGDATA: initdb with POSTGRES_USER and POSTGRES_PASSWORD (POSTGRES_INITDB_ARGS added),
#   password authentication (scram-sha-256) for TCP connections, then a temporary server on the unix
#   socket only, POSTGRES_DB created, and /docker-entrypoint-initdb.d run in name order (*.sh run, or
#   sourced when not executable; *.sql through psql), then that server stopped;
# - then `postgres`, listening on every address, as PID 1 (`exec`), so it gets the stop signal.
set -Eeuo pipefail

# `docker run image -c foo=bar`: options for postgres.
if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi

if [ "$1" != 'postgres' ]; then
  exec "$@"
fi

if [ "$(id -u)" = '0' ]; then
  echo 'this image runs as the postgres user (uid 999): drop --user root' >&2
  exit 1
fi

export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
export PGHOST=/var/run/postgresql

socket_only=(-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql -p "${PGPORT:-5432}")

if [ ! -s "${PGDATA}/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != 'trust' ]; then
    cat >&2 <<'MESSAGE'
Error: the database is uninitialized and POSTGRES_PASSWORD is not set: set it to a non-empty value
for the superuser (or POSTGRES_HOST_AUTH_METHOD=trust, never in production).
MESSAGE
    exit 1
  fi
  mkdir -p "${PGDATA}"
  chmod 700 "${PGDATA}"

  pwfile="$(mktemp)"
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "${pwfile}"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, as in the official image
  initdb --username="${POSTGRES_USER}" --pwfile="${pwfile}" --encoding=UTF8 --locale=C.UTF-8 \
    ${POSTGRES_INITDB_ARGS:-} -D "${PGDATA}"
  rm -f "${pwfile}"

  auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  {
    echo
    echo "host all all all ${auth}"
  } >> "${PGDATA}/pg_hba.conf"
  {
    echo
    echo "listen_addresses = '*'"
    echo "unix_socket_directories = '/var/run/postgresql'"
  } >> "${PGDATA}/postgresql.conf"

  pg_ctl -D "${PGDATA}" -o "$(printf '%q ' "${socket_only[@]}")" -w start

  export PGPASSWORD="${POSTGRES_PASSWORD:-}"
  psql=(psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --no-password --no-psqlrc)
  if [ "${POSTGRES_DB}" != 'postgres' ]; then
    "${psql[@]}" --dbname postgres --set db="${POSTGRES_DB}" <<<'CREATE DATABASE :"db";'
  fi
  for file in /docker-entrypoint-initdb.d/*; do
    [ -e "${file}" ] || continue
    case "${file}" in
      *.sh)
        if [ -x "${file}" ]; then
          echo "docker-entrypoint: running ${file}"
          "${file}"
        else
          echo "docker-entrypoint: sourcing ${file}"
          # shellcheck disable=SC1090
          . "${file}"
        fi
        ;;
      *.sql)
        echo "docker-entrypoint: running ${file}"
        "${psql[@]}" --dbname "${POSTGRES_DB}" -f "${file}"
        ;;
      *.sql.gz)
        echo "docker-entrypoint: running ${file}"
        gunzip -c "${file}" | "${psql[@]}" --dbname "${POSTGRES_DB}"
        ;;
      *) echo "docker-entrypoint: ignoring ${file}" ;;
    esac
  done
  unset PGPASSWORD

  pg_ctl -D "${PGDATA}" -m fast -w stop
  echo 'docker-entrypoint: PostgreSQL init process complete; ready for start up.'
fi

exec "$@"
