#!/usr/bin/env bash
# Installs (Debian packages) and starts a local PostgreSQL and Redis on loopback for the scale-out tests (R-LIVE-1),
# creates a test role that may create databases, and prints the connection strings as shell exports on stdout:
#
#   eval "$(scripts/scaleout-services.sh)"    # sets HELLOWORK_TEST_PG and HELLOWORK_TEST_REDIS
#
# Progress goes to stderr. Idempotent: does nothing but print when both services already run. Needs root (CI runs as root).
set -euo pipefail

log() { echo "scaleout-services: $*" >&2; }

PG_PORT="${HELLOWORK_PG_PORT:-5432}"
REDIS_PORT="${HELLOWORK_REDIS_PORT:-6379}"
PG_USER=hellowork_test
PG_PASSWORD=hellowork_test

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (apt-get, pg_ctlcluster); skipping"
  exit 1
fi

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Redis: loopback only, no persistence.
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  log "starting redis-server on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save "" --appendonly no \
    --logfile /tmp/hellowork-redis.log >&2
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

# PostgreSQL: the Debian cluster "main" of the installed version, listening on loopback.
PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION main$"; then
  log "creating cluster $PG_VERSION/main"
  pg_createcluster "$PG_VERSION" main -p "$PG_PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT"
  pg_ctlcluster "$PG_VERSION" main start -- -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c max_connections=300" >&2 \
    || pg_ctlcluster "$PG_VERSION" main start >&2 || true
fi
ready=no
for _ in $(seq 1 150); do
  if runuser -u postgres -- pg_isready -h 127.0.0.1 -p "$PG_PORT" -q; then ready=yes; break; fi
  sleep 0.2
done
if [ "$ready" != yes ]; then
  log "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT"
  exit 1
fi
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  log "Redis did not become ready on 127.0.0.1:$REDIS_PORT"
  exit 1
fi

# A role that may create the per-test databases the tests make and drop. Dropping one WITH (FORCE) ends the sessions still in it;
# an autovacuum worker that has just started there belongs to no role, and ending it needs pg_signal_backend (a two-node class's
# clean-up failed on it once).
runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
GRANT pg_signal_backend TO $PG_USER;
SQL

echo "export HELLOWORK_TEST_PG='Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=hellowork_test'"
echo "export HELLOWORK_TEST_REDIS='127.0.0.1:$REDIS_PORT'"
