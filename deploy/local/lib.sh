# Shared by up.sh, down.sh and status.sh (sourced, not run). bash.
# shellcheck shell=bash

LOCAL_SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$LOCAL_SCRIPT_DIR/../.." && pwd)
LOCAL="$ROOT/.local"
RUN_DIR="$LOCAL/run"
LOG_DIR="$LOCAL/logs"

CATALOG_DB_HOST=${CATALOG_DB_HOST:-127.0.0.1}
CATALOG_DB_PORT=${CATALOG_DB_PORT:-5432}
CATALOG_DB_USER=${CATALOG_DB_USER:-postgres}
CATALOG_DB_PASSWORD=${CATALOG_DB_PASSWORD:-}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
PUBLIC_WEB_PORT=${PUBLIC_WEB_PORT:-8080}
SUBMISSION_PORT=${SUBMISSION_PORT:-8081}
CURATION_PORT=${CURATION_PORT:-8082}
# GreenMail standalone: the local SMTP server (submission-service's decision mails) and its web/API view.
GREENMAIL_SMTP_PORT=${GREENMAIL_SMTP_PORT:-3025}
GREENMAIL_API_PORT=${GREENMAIL_API_PORT:-8025}
STOP_TIMEOUT=${STOP_TIMEOUT:-30}
# Which services up.sh starts; LOCAL_SERVICES=none starts only PostgreSQL databases, Kafka and Keycloak.
LOCAL_SERVICES=${LOCAL_SERVICES-submission-service curation-service public-web}
[ "$LOCAL_SERVICES" = none ] && LOCAL_SERVICES=""

SERVICES_ALL="public-web submission-service curation-service"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

pom_property() { # pom_property NAME -> value from the root pom
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

service_port() {
  case "$1" in
    public-web) echo "$PUBLIC_WEB_PORT" ;;
    submission-service) echo "$SUBMISSION_PORT" ;;
    curation-service) echo "$CURATION_PORT" ;;
    keycloak) echo "$KEYCLOAK_PORT" ;;
    kafka) echo "$KAFKA_PORT" ;;
    greenmail) echo "$GREENMAIL_SMTP_PORT" ;;
    *) return 1 ;;
  esac
}

# What a live process of ours must have on its command line (guards against pid reuse).
signature() {
  case "$1" in
    kafka) echo "kafka.Kafka" ;;
    greenmail) echo "greenmail.standalone.GreenMailStandaloneRunner" ;;
    keycloak) echo ".local/keycloak/keycloak-" ;; # kc.sh, or the JVM it exec-s after a re-augmentation
    *) echo "$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# Prints the recorded pid of NAME if that process is alive and is ours; fails otherwise.
running_pid() {
  local f pid args
  f=$(pid_file "$1")
  [ -f "$f" ] || return 1
  pid=$(cat "$f" 2>/dev/null || true)
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  args=$(ps -o args= -p "$pid" 2>/dev/null || true)
  case "$args" in *"$(signature "$1")"*) echo "$pid" ;; *) return 1 ;; esac
}

port_open() { # port_open PORT [HOST]
  (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}

http_status() { # http_status URL -> HTTP status code, 000 if nothing answers
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

# wait_http NAME URL TIMEOUT_S: waits for 200, fails with the log tail if the process dies or time runs out.
wait_http() {
  local name=$1 url=$2 timeout=$3 start=$SECONDS code pid
  while :; do
    code=$(http_status "$url")
    [ "$code" = 200 ] && return 0
    if ! pid=$(running_pid "$name"); then
      printf 'ERROR: %s exited before %s answered 200. Last lines of %s:\n' "$name" "$url" "$LOG_DIR/$name.log" >&2
      tail -n 40 "$LOG_DIR/$name.log" >&2 || true
      return 1
    fi
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      printf 'ERROR: %s (pid %s) did not answer 200 on %s within %ss (last status %s). Last lines of %s:\n' \
        "$name" "$pid" "$url" "$timeout" "$code" "$LOG_DIR/$name.log" >&2
      tail -n 40 "$LOG_DIR/$name.log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

# All descendants of a pid (children first-level and below), from `ps -e` (portable, no pgrep).
descendants() {
  ps -e -o pid= -o ppid= 2>/dev/null | awk -v root="$1" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      changed = 1; mark[root] = 1
      while (changed) {
        changed = 0
        for (i in pids) { p = pids[i]; if (!(p in mark) && (parent[p] in mark)) { mark[p] = 1; changed = 1 } }
      }
      for (p in mark) if (p != root) print p
    }'
}

# stop_process NAME: SIGTERM to the process group (or the pid and its descendants), wait, then SIGKILL.
stop_process() {
  local name=$1 f pid pgid pids alive waited
  f=$(pid_file "$name")
  if ! pid=$(running_pid "$name"); then
    [ -f "$f" ] && { log "$name: not running (stale pid file removed)"; rm -f "$f"; }
    return 0
  fi
  pids="$pid $(descendants "$pid" | tr '\n' ' ')"
  pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  log "$name: stopping pid $pid (with descendants: ${pids# })"
  if [ "$pgid" = "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null || true # the whole group up.sh created with setsid
  fi
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
  waited=0
  while :; do
    alive=""
    for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
    [ -z "$alive" ] && break
    if [ "$waited" -ge "$STOP_TIMEOUT" ]; then
      log "$name: still alive after ${STOP_TIMEOUT}s:$alive; sending SIGKILL"
      [ "$pgid" = "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
      # shellcheck disable=SC2086
      kill -KILL $alive 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  rm -f "$f"
  log "$name: stopped"
}

# start_process NAME LOGFILE CMD...: runs CMD in its own session/process group, records the pid.
start_process() {
  local name=$1 logfile=$2 pid
  shift 2
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  : >"$logfile"
  if command -v setsid >/dev/null 2>&1; then
    setsid "$@" >>"$logfile" 2>&1 </dev/null &
  else
    nohup "$@" >>"$logfile" 2>&1 </dev/null &
  fi
  pid=$!
  echo "$pid" >"$(pid_file "$name")"
}

# start_greenmail: GreenMail standalone (fetched through deploy/local/greenmail/pom.xml, like Kafka's jars) with SMTP
# on GREENMAIL_SMTP_PORT and its web/API view on GREENMAIL_API_PORT, both on 127.0.0.1, any address accepted (no
# authentication), mail kept in memory until it stops. Waits for /api/service/readiness. Idempotent.
start_greenmail() {
  local dir="$LOCAL/greenmail" cp_file pid t
  cp_file="$dir/classpath.txt"
  mkdir -p "$dir" "$RUN_DIR" "$LOG_DIR"
  if pid=$(running_pid greenmail); then
    log "greenmail: already running (pid $pid), SMTP $GREENMAIL_SMTP_PORT, web/API $GREENMAIL_API_PORT"
    return 0
  fi
  port_open "$GREENMAIL_SMTP_PORT" && die "port $GREENMAIL_SMTP_PORT is taken by another process (not ours): free it or set GREENMAIL_SMTP_PORT"
  port_open "$GREENMAIL_API_PORT" && die "port $GREENMAIL_API_PORT is taken by another process (not ours): free it or set GREENMAIL_API_PORT"
  if [ ! -s "$cp_file" ] || [ "$LOCAL_SCRIPT_DIR/greenmail/pom.xml" -nt "$cp_file" ]; then
    log "greenmail: resolving com.icegreen:greenmail-standalone (deploy/local/greenmail/pom.xml)"
    "$ROOT/mvnw" -B -q -f "$LOCAL_SCRIPT_DIR/greenmail/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$cp_file" >/dev/null || die "could not resolve com.icegreen:greenmail-standalone"
  fi
  log "greenmail: starting, SMTP on $GREENMAIL_SMTP_PORT, web/API on $GREENMAIL_API_PORT"
  t=$SECONDS
  # shellcheck disable=SC2086
  start_process greenmail "$LOG_DIR/greenmail.log" java ${GREENMAIL_JAVA_OPTS:--Xms16m -Xmx128m} \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$GREENMAIL_SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$GREENMAIL_API_PORT" -Dgreenmail.auth.disabled \
    -cp "$(cat "$cp_file")" com.icegreen.greenmail.standalone.GreenMailStandaloneRunner
  GREENMAIL_STARTED=1
  wait_http greenmail "http://127.0.0.1:$GREENMAIL_API_PORT/api/service/readiness" "${GREENMAIL_START_TIMEOUT:-60}" ||
    die "greenmail did not start (log: $LOG_DIR/greenmail.log)"
  log "greenmail: up in $((SECONDS - t))s (pid $(cat "$(pid_file greenmail)"))"
}
