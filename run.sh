#!/usr/bin/env bash
# Runs Civic Platform: builds what it needs, then starts embedded PostgreSQL 17, Keycloak 26 and
# Payara Micro with demo data, and prints the URLs and demo logins. Ctrl-C stops all three.
# Settings (environment): DATA_DIR (./data), APP_PORT (8080), KEYCLOAK_PORT (8180), DB_PORT (15432),
# DB_URL/DB_USER/DB_PASSWORD (use that PostgreSQL instead), KEYCLOAK_URL (use that Keycloak instead),
# KEYCLOAK_JAVA_HOME (a JDK 21+ for Keycloak), DEMO_DATA (true).
set -euo pipefail
cd "$(dirname "$0")"
echo "[civic] Building (mvn package, tests skipped) …"
mvn -B -q -DskipTests package
exec java -cp "platform-app/target/classes:$(cat platform-app/target/launcher.classpath)" \
  org.civicplatform.app.launcher.Launcher "$@"
