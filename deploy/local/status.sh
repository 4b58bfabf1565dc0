#!/usr/bin/env bash
# Shows, for each part of the local stack, whether it runs (pid alive), its port and its health.
set -euo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

printf '%-20s %-8s %-9s %-6s %s\n' PART STATE PID PORT HEALTH
row() { printf '%-20s %-8s %-9s %-6s %s\n' "$@"; }

if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$CATALOG_DB_HOST" -p "$CATALOG_DB_PORT" -t 3; then
  row postgresql up - "$CATALOG_DB_PORT" "accepting connections on $CATALOG_DB_HOST (not managed by up/down)"
else
  row postgresql down - "$CATALOG_DB_PORT" "pg_isready fails on $CATALOG_DB_HOST"
fi

all_up=1
for name in kafka greenmail keycloak $SERVICES_ALL; do
  port=$(service_port "$name")
  if pid=$(running_pid "$name"); then
    state=running
    rss=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')
    # kc.sh is a shell; Keycloak's JVM is its child
    for child in $(descendants "$pid"); do
      r=$(ps -o rss= -p "$child" 2>/dev/null | tr -d ' ' || true)
      rss=$((rss + ${r:-0}))
    done
  else
    state=stopped pid=- rss=
    all_up=0
  fi
  case "$name" in
    kafka)
      if port_open "$port"; then health="port open"; else health="port closed"; fi ;;
    greenmail)
      code=$(http_status "http://127.0.0.1:$GREENMAIL_API_PORT/api/service/readiness")
      health="SMTP $port, web/API http://localhost:$GREENMAIL_API_PORT/ readiness HTTP $code" ;;
    keycloak)
      code=$(http_status "http://localhost:$port/realms/imaging-catalog/.well-known/openid-configuration")
      health="realm openid-configuration HTTP $code" ;;
    *)
      code=$(http_status "http://localhost:$port/q/health/ready")
      health="/q/health/ready HTTP $code" ;;
  esac
  [ -n "${rss:-}" ] && health="$health, RSS $((rss / 1024)) MiB"
  row "$name" "$state" "$pid" "$port" "$health"
done
[ "$all_up" = 1 ] || exit 3
