# shellcheck shell=bash
# Invicta: a private real stack for one suite run (the city drill, the chaos suite, the dashboard check): free
# ports below the ephemeral range, its own work dir, the stack stopped by PID on exit and the work dir removed
# unless the run failed or KEEP_WORK_DIR is set. Sourced at the top of a script, before anything else:
#
#   . "$SCRIPTS/lib/private-stack.sh" <name> <database>
#
# Then lib/common.sh and lib/jobs.sh are loaded, INVICTA_WORK_DIR is /tmp/invicta-<name>.XXXXXX, INFLUX_DB is
# <database>, and these helpers are defined:
#   on_exit <command>          run <command> first on exit (stop a feed, say)
#   influx_query <db> <query>  the JSON answer of the stack's InfluxDB
#   create_database <db>       creates it (idempotent)
#   city_file <run> [CityRun options...]
#                              writes the shipped city (flink-conf/city.yaml) for one run: its own consumer
#                              groups, database <run>, state dir, Kafka from the earliest offsets; prints the path
#   city <run> <command...>    scripts/city on that run's city file, with its own command state
#   generate <args...>         the seeded generator (--seed 7, 400 sensors, 20 vehicles) to the stack's Kafka

_PRIVATE_NAME="$1"
INFLUX_DB="$2"
# shellcheck source=lib/ports.sh
. "$SCRIPTS/lib/ports.sh"
for var in KAFKA_PORT KAFKA_CONTROLLER_PORT INFLUX_PORT INFLUX_RPC_PORT FLINK_REST_PORT FLINK_RPC_PORT; do
  pick_free_port "$var"
done
INVICTA_WORK_DIR="$(mktemp -d "/tmp/invicta-$_PRIVATE_NAME.XXXXXX")"
INFLUX_URL=""
export KAFKA_PORT KAFKA_CONTROLLER_PORT INFLUX_PORT INFLUX_RPC_PORT FLINK_REST_PORT FLINK_RPC_PORT \
  INVICTA_WORK_DIR INFLUX_URL INFLUX_DB

# shellcheck source=lib/common.sh
. "$SCRIPTS/lib/common.sh"
# shellcheck source=lib/jobs.sh
. "$SCRIPTS/lib/jobs.sh"

: "${PRIVATE_SENSORS:=400}"
: "${PRIVATE_VEHICLES:=20}"
_ON_EXIT=()

on_exit() { _ON_EXIT+=("$*"); }

_private_stack_cleanup() {
  local rc=$? cmd
  for cmd in "${_ON_EXIT[@]}"; do
    eval "$cmd" || true
  done
  "$SCRIPTS/stack" stop || rc=1
  if ((rc != 0)); then
    warn "$_PRIVATE_NAME FAILED; logs are in $INVICTA_WORK_DIR/logs"
  elif [[ -z "${KEEP_WORK_DIR:-}" ]]; then
    rm -rf "$INVICTA_WORK_DIR"
  fi
  exit "$rc"
}
trap _private_stack_cleanup EXIT

influx_query() {
  influx_curl -s -m 10 -G "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode "db=$1" --data-urlencode "q=$2"
}

create_database() {
  influx_curl -sf -m 10 -XPOST "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode "q=CREATE DATABASE \"$1\"" \
    >/dev/null || die "could not create the InfluxDB database $1"
}

city_file() {
  local run="$1" file="$INVICTA_WORK_DIR/city-$1.yaml"
  shift
  run_tools_main io.invicta.tools.city.CityRun "$INVICTA_ROOT/flink-conf/city.yaml" --out "$file" --run "$run" \
    --state-dir "$INVICTA_WORK_DIR/state-$run" --option "influx.database=$run" \
    --option kafka.starting-offsets=earliest "$@" >/dev/null || die "could not write the city file of $run"
  echo "$file"
}

city() {
  local run="$1"
  shift
  CITY_DIR="$INVICTA_WORK_DIR/city-$run" "$SCRIPTS/city" "$@" --file "$INVICTA_WORK_DIR/city-$run.yaml"
}

generate() {
  run_tools_main io.invicta.tools.generate.GenerateCommand --bootstrap-servers "127.0.0.1:$KAFKA_PORT" \
    --seed 7 --sensors "$PRIVATE_SENSORS" --vehicles "$PRIVATE_VEHICLES" "$@"
}
