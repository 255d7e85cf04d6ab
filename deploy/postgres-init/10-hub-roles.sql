-- The hub's roles and databases for the postgres:15 image (run once, by the image, as the superuser).
-- The same layout `hub stack up` creates (hub/stack/postgres_roles.py): database `hub` owned by role `hub`,
-- one database per partner owned by its own role, and only the owner may connect to each.
-- Passwords come from the environment (psql 15's \getenv), never from this file.
\set ON_ERROR_STOP on
\getenv hub_password HUB_PG_HUB_PASSWORD
\getenv partner_passwords HUB_PG_PARTNER_PASSWORDS

SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', owner, password)
FROM (
    SELECT 'hub' AS owner, :'hub_password' AS password
    UNION ALL
    SELECT 'partner_' || lower(key), value FROM json_each_text(:'partner_passwords')
) AS owners
\gexec

SELECT format('CREATE DATABASE %I OWNER %I', rolname, rolname)
FROM pg_roles WHERE rolname = 'hub' OR rolname LIKE 'partner\_%'
\gexec

SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I',
              rolname, rolname, rolname)
FROM pg_roles WHERE rolname = 'hub' OR rolname LIKE 'partner\_%'
\gexec

REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;
