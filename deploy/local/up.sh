#!/usr/bin/env bash
# The local stack in one command: PostgreSQL databases, a Kafka KRaft broker, an SMTP server (GreenMail) with
# its web/API view, Keycloak with the imaging-catalog realm, and the three services. Stop it with deploy/local/down.sh.
# Settings: see deploy/local/README.md (env vars with defaults in deploy/local/lib.sh).
set -euo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

T0=$SECONDS
cd "$ROOT"
mkdir -p "$RUN_DIR" "$LOG_DIR"
STARTED=""

# ---------------------------------------------------------------- (a) tools
command -v java >/dev/null 2>&1 || die "java not found on PATH: install a JDK 17+ (Debian: sudo apt-get install -y openjdk-17-jdk-headless)"
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
[ "${JAVA_MAJOR:-0}" -ge 17 ] 2>/dev/null || die "Java 17+ needed, found '${JAVA_MAJOR:-unknown}' ($(command -v java))"
command -v curl >/dev/null 2>&1 || die "curl not found (Debian: sudo apt-get install -y curl)"
KAFKA_VERSION=$(pom_property kafka.version)
KEYCLOAK_VERSION=$(pom_property keycloak.version)
[ -n "$KAFKA_VERSION" ] && [ -n "$KEYCLOAK_VERSION" ] || die "kafka.version / keycloak.version not found in $ROOT/pom.xml"
log "Java $JAVA_MAJOR, Kafka $KAFKA_VERSION, Keycloak $KEYCLOAK_VERSION, repo $ROOT"

# ---------------------------------------------------------------- (b) build the services if needed
jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
# Small services with a small live set: the serial collector keeps their memory near what they use (it is
# also what the JVM picks by itself in a container of one CPU); the heap may still grow for a large export.
DEFAULT_SERVICE_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx512m"
needs_build() {
  local svc jar
  for svc in $LOCAL_SERVICES; do
    jar=$(jar_of "$svc")
    [ -f "$jar" ] || { echo "$svc: no $jar"; return 0; }
    # sources of the service, the shared model and the poms
    if [ -n "$(find "$ROOT/$svc/src" "$ROOT/$svc/pom.xml" "$ROOT/catalog-model/src" "$ROOT/catalog-model/pom.xml" "$ROOT/pom.xml" \
      -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      echo "$svc: sources newer than its jar"
      return 0
    fi
  done
  return 1
}
if [ -n "$LOCAL_SERVICES" ] && [ "${SKIP_BUILD:-0}" != 1 ]; then
  if reason=$(needs_build); then
    all_running=1
    for svc in $LOCAL_SERVICES; do running_pid "$svc" >/dev/null || all_running=0; done
    if [ "$all_running" = 1 ]; then
      log "services already running; not rebuilding although $reason (down.sh first to pick up changes)"
    else
      log "building ($reason): ./mvnw -B -q -DskipTests install"
      ./mvnw -B -q -DskipTests install || die "build failed (see above)"
    fi
  else
    log "service jars are up to date"
  fi
fi
for svc in $LOCAL_SERVICES; do
  [ -f "$(jar_of "$svc")" ] || die "$(jar_of "$svc") missing after the build; is $svc a Quarkus module? (LOCAL_SERVICES=none starts only the infrastructure)"
done

# ---------------------------------------------------------------- (c) PostgreSQL
command -v pg_isready >/dev/null 2>&1 && command -v psql >/dev/null 2>&1 ||
  die "pg_isready/psql not found: sudo apt-get install -y postgresql-client (or postgresql for a server too)"
export PGPASSWORD="$CATALOG_DB_PASSWORD"
if ! pg_isready -q -h "$CATALOG_DB_HOST" -p "$CATALOG_DB_PORT" -t 5; then
  PG_MAJOR=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
  PG_MAJOR=${PG_MAJOR:-15}
  if [ "$(id -u)" = 0 ]; then SUDO="" AS_PG="runuser -u postgres --"; else SUDO="sudo " AS_PG="sudo -u postgres"; fi
  cat >&2 <<EOF
ERROR: PostgreSQL does not answer on $CATALOG_DB_HOST:$CATALOG_DB_PORT. Start one, then run $0 again:

  * Debian/Ubuntu, the packaged server:
      ${SUDO}apt-get install -y postgresql && ${SUDO}pg_ctlcluster $PG_MAJOR main start
    (local connections need trust auth or a password: CATALOG_DB_PASSWORD=...)

  * or a private throw-away cluster with trust auth (the server refuses to run as root: run it as postgres):
      PGBIN=/usr/lib/postgresql/$PG_MAJOR/bin
      $AS_PG \$PGBIN/initdb -D /var/tmp/catalog-pg -A trust -U postgres
      $AS_PG \$PGBIN/pg_ctl -D /var/tmp/catalog-pg -l /var/tmp/catalog-pg/server.log \\
           -o "-p $CATALOG_DB_PORT -k /var/tmp/catalog-pg -c listen_addresses=127.0.0.1" start
    (stop it later with: $AS_PG \$PGBIN/pg_ctl -D /var/tmp/catalog-pg stop)

  * or use another server: CATALOG_DB_HOST=... CATALOG_DB_PORT=... CATALOG_DB_USER=... CATALOG_DB_PASSWORD=... $0
EOF
  exit 1
fi
psql_q() { psql -X -q -h "$CATALOG_DB_HOST" -p "$CATALOG_DB_PORT" -U "$CATALOG_DB_USER" -d postgres -v ON_ERROR_STOP=1 -tAc "$1"; }
for db in submission curation publicweb; do
  if [ "$(psql_q "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ]; then
    log "postgres: database $db exists"
  else
    psql_q "CREATE DATABASE \"$db\"" || die "cannot create database $db as $CATALOG_DB_USER"
    log "postgres: database $db created"
  fi
done

# ---------------------------------------------------------------- (d) Kafka (KRaft, single node)
KAFKA_DIR="$LOCAL/kafka"
KAFKA_CP_FILE="$KAFKA_DIR/classpath-$KAFKA_VERSION.txt"
mkdir -p "$KAFKA_DIR"
if [ ! -s "$KAFKA_CP_FILE" ] || [ "$LOCAL_SCRIPT_DIR/kafka/pom.xml" -nt "$KAFKA_CP_FILE" ]; then
  log "kafka: resolving the broker classpath (deploy/local/kafka/pom.xml)"
  ./mvnw -B -q -f "$LOCAL_SCRIPT_DIR/kafka/pom.xml" dependency:build-classpath \
    -Dkafka.version="$KAFKA_VERSION" -Dmdep.outputFile="$KAFKA_CP_FILE" >/dev/null ||
    die "could not resolve org.apache.kafka:kafka_2.13:$KAFKA_VERSION"
fi
KAFKA_CP=$(cat "$KAFKA_CP_FILE")
KAFKA_ADMIN=(java -cp "$KAFKA_CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=error "$LOCAL_SCRIPT_DIR/kafka/KafkaAdmin.java")
TOPICS="catalog.submissions.v1 catalog.decisions.v1 catalog.entries.v1 catalog.link-health.v1 catalog.releases.v1"

if pid=$(running_pid kafka); then
  log "kafka: already running (pid $pid) on $KAFKA_PORT"
else
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process (not ours): free it or set KAFKA_PORT"
  port_open "$KAFKA_CONTROLLER_PORT" && die "port $KAFKA_CONTROLLER_PORT is taken: free it or set KAFKA_CONTROLLER_PORT"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Generated by deploy/local/up.sh; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.cleaner.enable=true
EOF
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    CLUSTER_ID=$(java -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    [ -n "$CLUSTER_ID" ] || die "kafka: could not generate a cluster id"
    echo "$CLUSTER_ID" >"$KAFKA_DIR/cluster.id"
    log "kafka: formatting $KAFKA_DIR/data (cluster id $CLUSTER_ID)"
    java -cp "$KAFKA_CP" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$KAFKA_DIR/server.properties" \
      >"$LOG_DIR/kafka-format.log" 2>&1 || { cat "$LOG_DIR/kafka-format.log" >&2; die "kafka: format failed"; }
  fi
  log "kafka: starting on $KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
  t=$SECONDS
  # shellcheck disable=SC2086
  start_process kafka "$LOG_DIR/kafka.log" java ${KAFKA_JAVA_OPTS:--Xms128m -Xmx512m} \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaConfig=warn \
    -Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn \
    -cp "$KAFKA_CP" kafka.Kafka "$KAFKA_DIR/server.properties"
  STARTED="$STARTED kafka"
  "${KAFKA_ADMIN[@]}" "127.0.0.1:$KAFKA_PORT" 120 || {
    tail -n 40 "$LOG_DIR/kafka.log" >&2
    die "kafka did not come up (log: $LOG_DIR/kafka.log)"
  }
  log "kafka: up in $((SECONDS - t))s (pid $(cat "$(pid_file kafka)"))"
fi
log "kafka: ensuring topics (compacted, 3 partitions)"
"${KAFKA_ADMIN[@]}" "127.0.0.1:$KAFKA_PORT" 60 $TOPICS || die "kafka: topic creation failed"

# ---------------------------------------------------------------- (d2) SMTP: GreenMail standalone
GREENMAIL_STARTED=0
start_greenmail
[ "$GREENMAIL_STARTED" = 1 ] && STARTED="$STARTED greenmail"

# ---------------------------------------------------------------- (e) Keycloak
REALM_FILE="$ROOT/deploy/keycloak/realm/imaging-catalog-realm.json"
KC_DIST="$LOCAL/keycloak-dist/keycloak-$KEYCLOAK_VERSION"
KC_HOME="$LOCAL/keycloak/keycloak-$KEYCLOAK_VERSION" # the stack's own home; tests use .local/keycloak-test
KC_WELL_KNOWN="http://localhost:$KEYCLOAK_PORT/realms/imaging-catalog/.well-known/openid-configuration"
if pid=$(running_pid keycloak); then
  log "keycloak: already running (pid $pid) on $KEYCLOAK_PORT"
else
  port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by another process (not ours): free it or set KEYCLOAK_PORT"
  if [ ! -f "$KC_DIST/bin/kc.sh" ]; then
    log "keycloak: unpacking org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip into $LOCAL/keycloak-dist"
    ./mvnw -B -q -f "$ROOT/deploy/keycloak/pom.xml" dependency:unpack@unpack-keycloak-dist >/dev/null ||
      die "could not unpack the Keycloak distribution"
  fi
  if [ ! -f "$KC_HOME/.imagingcatalog-home-copy" ]; then
    log "keycloak: creating the local stack's Keycloak home $KC_HOME"
    rm -rf "$KC_HOME"
    mkdir -p "$KC_HOME"
    (cd "$KC_DIST" && tar cf - --exclude=./data .) | (cd "$KC_HOME" && tar xf -)
    echo "copied from $KC_DIST" >"$KC_HOME/.imagingcatalog-home-copy"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/imaging-catalog-realm.json"
  if [ -f "$LOCAL/keycloak/realm-imported.stamp" ] && [ "$REALM_FILE" -nt "$LOCAL/keycloak/realm-imported.stamp" ]; then
    log "keycloak: WARNING the realm file changed since it was imported; Keycloak keeps the imported realm."
    log "          To re-import: deploy/local/down.sh && rm -rf $KC_HOME/data/h2 $LOCAL/keycloak/realm-imported.stamp"
  fi
  log "keycloak: starting on $KEYCLOAK_PORT (first start of a new home augments: ~1 min)"
  t=$SECONDS
  start_process keycloak "$LOG_DIR/keycloak.log" env \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    bash "$KC_HOME/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" --http-host=127.0.0.1 --import-realm
  STARTED="$STARTED keycloak"
  wait_http keycloak "$KC_WELL_KNOWN" "${KEYCLOAK_START_TIMEOUT:-240}" || die "keycloak did not start"
  [ -f "$LOCAL/keycloak/realm-imported.stamp" ] || touch "$LOCAL/keycloak/realm-imported.stamp"
  log "keycloak: up in $((SECONDS - t))s (pid $(cat "$(pid_file keycloak)"))"
fi

# ---------------------------------------------------------------- (f) the services
start_service() {
  local svc=$1 port pid t
  port=$(service_port "$svc")
  if pid=$(running_pid "$svc"); then
    log "$svc: already running (pid $pid) on $port"
    return 0
  fi
  port_open "$port" && die "port $port is taken by another process (not ours): free it or set the port variable"
  log "$svc: starting on $port"
  local app cds=""
  app=$(dirname "$(jar_of "$svc")")
  # QUARKUS_LOG_CONSOLE_JSON_ENABLED=false: the built jars run in the prod profile, which logs JSON for a cluster's
  # log collector; a developer reads text
  # the AppCDS archive names quarkus-run.jar relative to its directory: start from there (the absolute jar
  # path in the command line is how status.sh and down.sh recognise the process)
  [ -f "$app/app-cds.jsa" ] && cds="-XX:SharedArchiveFile=app-cds.jsa"
  # shellcheck disable=SC2086
  start_process "$svc" "$LOG_DIR/$svc.log" env -C "$app" \
    QUARKUS_HTTP_PORT="$port" \
    KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
    CATALOG_DB_HOST="$CATALOG_DB_HOST" CATALOG_DB_PORT="$CATALOG_DB_PORT" \
    CATALOG_DB_USER="$CATALOG_DB_USER" CATALOG_DB_PASSWORD="$CATALOG_DB_PASSWORD" \
    QUARKUS_DATASOURCE_USERNAME="$CATALOG_DB_USER" QUARKUS_DATASOURCE_PASSWORD="$CATALOG_DB_PASSWORD" \
    KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" \
    SMTP_HOST=127.0.0.1 SMTP_PORT="$GREENMAIL_SMTP_PORT" \
    PUBLIC_CATALOG_URL="http://localhost:$PUBLIC_WEB_PORT" SUBMISSION_PUBLIC_URL="http://localhost:$SUBMISSION_PORT" \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    java ${SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS} $cds -jar "$(jar_of "$svc")"
  STARTED="$STARTED $svc"
}
for svc in $LOCAL_SERVICES; do start_service "$svc"; done
for svc in $LOCAL_SERVICES; do
  t=$SECONDS
  wait_http "$svc" "http://localhost:$(service_port "$svc")/q/health/ready" "${SERVICE_START_TIMEOUT:-180}" ||
    die "$svc did not become ready (the rest keeps running; deploy/local/down.sh stops everything)"
  log "$svc: ready (pid $(cat "$(pid_file "$svc")"))"
done

# ---------------------------------------------------------------- (g) summary
cat <<EOF

Imaging Data Catalog local stack is up ($((SECONDS - T0)) s; started:${STARTED:- nothing, all was running}).

  Public catalog        http://localhost:$PUBLIC_WEB_PORT/
  Contribute            http://localhost:$SUBMISSION_PORT/
  Curate                http://localhost:$CURATION_PORT/            (login curator / curator)
  Keycloak admin        http://localhost:$KEYCLOAK_PORT/admin/      (master realm: admin / admin)
  Realm imaging-catalog http://localhost:$KEYCLOAK_PORT/realms/imaging-catalog/account/
  Mail (GreenMail)      http://localhost:$GREENMAIL_API_PORT/        (every mail sent, e.g. /api/user/<address>/messages/; SMTP localhost:$GREENMAIL_SMTP_PORT)
  Kafka                 localhost:$KAFKA_PORT   PostgreSQL $CATALOG_DB_HOST:$CATALOG_DB_PORT (user $CATALOG_DB_USER)

  Demo logins (local realm only): curator/curator, contributor/contributor, admin/admin (catalog-admin)
  Token for scripts: curl -s -d grant_type=password -d client_id=catalog-cli -d username=curator -d password=curator \\
                       http://localhost:$KEYCLOAK_PORT/realms/imaging-catalog/protocol/openid-connect/token

  Logs: $LOG_DIR/<name>.log   pids: $RUN_DIR/<name>.pid
  Status: deploy/local/status.sh    Stop: deploy/local/down.sh
EOF
[ -n "$LOCAL_SERVICES" ] || echo "  (LOCAL_SERVICES is empty: no service was started)"
