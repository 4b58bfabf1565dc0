#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, using its pid files only (never by process name):
# the services first, then Keycloak (kc.sh and its child JVM), then the SMTP server (GreenMail), then Kafka.
# Idempotent.
set -euo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# the services in parallel (they are independent), then Keycloak, then Kafka
for name in $SERVICES_ALL; do
  stop_process "$name" &
done
wait
stop_process keycloak
stop_process greenmail
stop_process kafka
log "local stack stopped (PostgreSQL is left running; its databases are kept)"
