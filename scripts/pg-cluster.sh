#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, on a free local port in a temp folder.
#   eval "$(scripts/pg-cluster.sh start)"   → exports POSTGRES_URI and PG_CLUSTER_DIR
#   scripts/pg-cluster.sh stop [DIR]        → stops it and deletes the folder (DIR defaults to $PG_CLUSTER_DIR)
#   scripts/pg-cluster.sh run CMD…          → runs CMD with POSTGRES_URI set: the given one, or a cluster
#                                             started for CMD and stopped after it
# Needs Debian's postgresql package (PostgreSQL 15: /usr/lib/postgresql/15/bin, or PG_BIN). PostgreSQL
# refuses to run as root, so when run as root the cluster runs as the `postgres` user.
set -euo pipefail

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)}
[ -x "$bin/initdb" ] || { echo "pg-cluster: PostgreSQL not found (apt-get install -y postgresql, or set PG_BIN)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/briefing-pg-XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=${PG_PORT:-$(free_port)}
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale > "$dir/initdb.log"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start > /dev/null
    echo "export PG_CLUSTER_DIR=$dir POSTGRES_URI=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:-${PG_CLUSTER_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "pg-cluster: no cluster folder given" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null || true
    rm -rf "$dir"
    ;;
  run)
    shift
    if [ -n "${POSTGRES_URI:-}" ]; then exec "$@"; fi
    eval "$("$0" start)"
    trap '"$0" stop "$PG_CLUSTER_DIR"' EXIT
    "$@"
    ;;
  *)
    echo "usage: scripts/pg-cluster.sh start|stop [DIR]|run CMD…" >&2
    exit 2
    ;;
esac
