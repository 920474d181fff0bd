#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: the application's login role,
# which owns nothing (the `migrate` service, as the owner, grants it its rights).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role peixun_app login password '${APP_DB_PASSWORD}' nosuperuser nocreatedb nocreaterole noinherit;
SQL
