# shellcheck shell=bash
# Invicta: building the job jar and running the Java tools in it. Sourced after common.sh.
#
#   ensure_built       build the shaded jar with the Maven wrapper when it is missing or older than the sources
#   job_jar            print the path of the shaded job jar
#   tools_jar          print the path of the standalone tools jar (replay, generate)
#   run_tools_main <class> <args...>   run a main class of the tools jar (no Flink needed)
#   submit_job <class> <args...>   submit a job class to the local cluster; prints the JobID

job_jar() {
  local jar
  jar="$(ls -1 "$INVICTA_ROOT"/jobs/target/invicta-jobs-*-flink.jar 2>/dev/null | head -1)"
  [[ -n "$jar" ]] && echo "$jar"
}

# True when a source file or pom is newer than the jar.
_sources_newer_than() {
  local jar="$1"
  [[ -n "$(find "$INVICTA_ROOT/pom.xml" "$INVICTA_ROOT"/{domain,schemas,sinks,rule-engine,jobs,tools}/pom.xml \
    "$INVICTA_ROOT"/{domain,schemas,sinks,rule-engine,jobs,tools}/src/main "$INVICTA_ROOT/cep-rules" \
    -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

ensure_built() {
  local jar
  jar="$(job_jar || true)"
  if [[ -n "$jar" && -n "$(tools_jar || true)" ]] && ! _sources_newer_than "$jar"; then
    return 0
  fi
  info "Building the jars (./mvnw -B -DskipTests package; a first build downloads ~400 MB) ..."
  # Progress: Maven's line per module; the whole output is in the log, and its end is shown on failure.
  local log="$LOG_DIR/build.log" t0=$SECONDS
  mkdir -p "$(dirname "$log")"
  if ! (cd "$INVICTA_ROOT" && ./mvnw -B -Dstyle.color=never -DskipTests package) 2>&1 | tee "$log" \
    | sed -nu -E 's/^\[INFO\] Building (Invicta.*[^ ]) +\[([0-9]+\/[0-9]+)\]$/\2 \1/p' \
    | while IFS= read -r line; do info "  building $line ($((SECONDS - t0))s)"; done >&2 \
    || ! grep -q '^\[INFO\] BUILD SUCCESS' "$log"; then
    grep -E '^\[ERROR\]' "$log" | head -40 >&2
    die "the build failed (whole output: $log)"
  fi
  jar="$(job_jar)" || die "the build did not produce jobs/target/invicta-jobs-*-flink.jar"
  info "Built $jar"
}

tools_jar() {
  local jar
  jar="$(ls -1 "$INVICTA_ROOT"/tools/target/invicta-tools-*-all.jar 2>/dev/null | head -1)"
  [[ -n "$jar" ]] && echo "$jar"
}

# run_tools_main <main class> [args...]: the tools jar is self-contained (Kafka client, Avro, logging).
run_tools_main() {
  local main="$1" jar
  shift
  ensure_built
  jar="$(tools_jar)" || die "no tools jar after the build"
  "$JAVA" ${TOOLS_JAVA_OPTS:--Xmx1g} -cp "$jar" "$main" "$@"
}

# submit_job <main class> [job args...]: detached submission through the Flink CLI; prints the JobID.
submit_job() {
  local main="$1" out id
  shift
  out="$("$INVICTA_SCRIPTS_DIR/flink" run -d -c "$main" "$(job_jar)" "$@" 2>&1)" || {
    printf '%s\n' "$out" >&2
    die "submitting $main to the Flink cluster failed"
  }
  id="$(printf '%s\n' "$out" | grep -oE 'JobID [0-9a-f]{32}' | awk '{print $2}' | head -1)"
  [[ -n "$id" ]] || { printf '%s\n' "$out" >&2; die "could not find the JobID in the Flink CLI output"; }
  echo "$id"
}

# job_state <job id>: the job's state from the REST API (RUNNING, CANCELED, ...), empty if unknown.
job_state() {
  curl -s -m 5 "http://127.0.0.1:$FLINK_REST_PORT/jobs/$1" 2>/dev/null \
    | grep -oE '"state":"[A-Z]+"' | head -1 | cut -d'"' -f4
}

# job_is <job id> <STATE>: for wait_until, which re-runs it on every poll.
job_is() { [[ "$(job_state "$1")" == "$2" ]]; }

# field_values <db>: the number of field values an InfluxDB database of the stack holds, all measurements.
field_values() {
  influx_curl -s -m 10 -G "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode "db=$1" \
    --data-urlencode 'q=SELECT count(*) FROM /.*/' \
    | grep -oE '"values":\[\[[^]]*\]\]' | grep -oE '[0-9]+(,[0-9]+)*\]\]$' | tr -d ']' | tr , '\n' \
    | awk '{s += $1} END {print s + 0}'
}

# settled <db>: for wait_until, true when the database's field values have not changed for 45 s (and are not
# 0): longer than the jobs' event-time.idleness (30 s), after which a quiet partition stops holding back the
# watermarks, so the last windows have been written.
settled() {
  local db="$1" a b
  a="$(field_values "$db")"
  sleep 45
  b="$(field_values "$db")"
  info "$db holds $b field values"
  [[ "$a" == "$b" && "$b" -gt 0 ]]
}
