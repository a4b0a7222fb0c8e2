#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: `start` (installs PostgreSQL from the system
# packages when initdb is missing, initdb on first use, starts it and prints the URL of its
# superuser role on stdout), `url` (prints that URL), `stop`.
#
# It runs as an unprivileged user (nanmu-pg, made when missing, when we are root), keeps its
# files under /tmp (one folder per checkout) and listens only on its own Unix socket folder and
# 127.0.0.1 on a free port. Use it as:
#   export NANMU_TEST_PG_URL="$(bash scripts/pg_cluster.sh start)"
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TAG="$(printf '%s' "$ROOT" | md5sum | cut -c1-10)"
BASE="${NANMU_PG_DIR:-/tmp/nanmu-pg-$TAG}"
DATA="$BASE/data"
SOCKETS="$BASE/sockets"
PORT_FILE="$BASE/port"
ROLE="nanmu_test"
RUN_USER="nanmu-pg"

log() { echo "pg_cluster: $*" >&2; }

find_bin() {
    local dir
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
    return 1
}

ensure_installed() {
    if ! BIN="$(find_bin)"; then
        log "initdb not found: installing PostgreSQL from the system packages"
        if [ "$(id -u)" -ne 0 ]; then
            log "need root (or sudo) to install the postgresql package"; exit 1
        fi
        # Only the binaries: no system-wide "main" cluster started on port 5432.
        if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
            mkdir -p /etc/postgresql-common
            echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
        fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        BIN="$(find_bin)"
    fi
}

# Run a command as the unprivileged cluster owner (ourselves when we are not root).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$RUN_USER" -- "$@"
    else
        "$@"
    fi
}

ensure_user() {
    [ "$(id -u)" -eq 0 ] || return 0
    if ! id "$RUN_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
            "$RUN_USER"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

url() {
    [ -f "$PORT_FILE" ] || { log "not started (no $PORT_FILE)"; exit 1; }
    echo "postgresql://$ROLE@127.0.0.1:$(cat "$PORT_FILE")/postgres"
}

running() {
    [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    ensure_installed
    ensure_user
    mkdir -p "$BASE"
    [ "$(id -u)" -eq 0 ] && chown "$RUN_USER" "$BASE"
    chmod 700 "$BASE"
    if running; then
        url
        return
    fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
        rm -rf "$DATA"
        # trust: the cluster listens on 127.0.0.1 and a socket folder only its owner can enter.
        as_owner "$BIN/initdb" -D "$DATA" -U "$ROLE" --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    as_owner mkdir -p "$SOCKETS"
    local port
    port="$(free_port)"
    echo "$port" >"$PORT_FILE"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$SOCKETS \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
            -c max_connections=200" >/dev/null
    log "started on 127.0.0.1:$port ($DATA)"
    url
}

stop() {
    BIN="$(find_bin)" || return 0
    if running; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
        log "stopped"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
