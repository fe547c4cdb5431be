#!/usr/bin/env bash
# Runs Civic Platform: builds what it needs, then starts embedded PostgreSQL 17, Keycloak 26 and
# Payara Micro with demo data, and prints the URLs and demo logins. Ctrl-C stops all three.
# Settings (environment): DATA_DIR (./data), APP_PORT (8080), KEYCLOAK_PORT (8180), DB_PORT (15432),
# DB_URL/DB_USER/DB_PASSWORD (use that PostgreSQL instead; DB_USER is the application role) with
# DB_OWNER_USER/DB_OWNER_PASSWORD (the schema owner Flyway runs as), KEYCLOAK_URL (use that Keycloak instead),
# KEYCLOAK_JAVA_HOME (a JDK 21+ for Keycloak), DEMO_DATA (true),
# NODES (1; NODES=2 starts two Payara Micro nodes on APP_PORT+1, APP_PORT+2 behind a local nginx on APP_PORT).
#   ./run.sh backup <folder>    backs up DATA_DIR's PostgreSQL (platform data, documents, Keycloak's accounts)
#                               or the database at DB_URL into a new folder, with checksums
#   ./run.sh restore <folder>   restores such a backup into an empty DATA_DIR (or the empty database at DB_URL)
set -euo pipefail
cd "$(dirname "$0")"
main=org.civicplatform.app.launcher.Launcher
case "${1:-}" in
  backup) main=org.civicplatform.app.launcher.Backup; shift ;;
  restore) main=org.civicplatform.app.launcher.Restore; shift ;;
esac
if [ "$main" = org.civicplatform.app.launcher.Launcher ] || [ ! -f platform-app/target/launcher.classpath ]; then
  echo "[civic] Building (mvn package, tests skipped) …"
  mvn -B -q -DskipTests package
fi
exec java -cp "platform-app/target/classes:$(cat platform-app/target/launcher.classpath)" "$main" "$@"
