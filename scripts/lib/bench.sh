# shellcheck shell=bash
# Invicta: running the in-JVM benchmarks of the benchmarks module (scripts/bench-metrics, bench-cep,
# bench-influx-sink). Sourced after common.sh.
#
#   bench_java <heap> <main class> [args...]   compile the benchmarks module and its reactor siblings (never
#                                              installs), then run the class with Flink's JVM options, printing the
#                                              machine and the load before and after

BENCH_CP_FILE="$INVICTA_ROOT/benchmarks/target/bench.classpath"

_bench_classpath() {
  info "Compiling the benchmarks module and what it uses (./mvnw -pl benchmarks -am test-compile) ..."
  (cd "$INVICTA_ROOT" && ./mvnw -B -q -Dstyle.color=never -pl benchmarks -am test-compile \
    dependency:build-classpath -DskipTests -Dmdep.outputFile="$BENCH_CP_FILE" -Dmdep.includeScope=runtime) >&2 \
    || die "the benchmarks did not compile (see the Maven output above)"
}

bench_java() {
  local heap="$1" main="$2" classpath
  shift 2
  _bench_classpath
  cd "$INVICTA_ROOT" # the benchmarks read repository files (cep-rules/) by relative path
  classpath="$INVICTA_ROOT/benchmarks/target/classes:$(cat "$BENCH_CP_FILE")"
  if [[ -n "${BENCH_CLASSPATH_FILTER:-}" ]]; then
    classpath="$(tr ':' '\n' <<<"$classpath" | grep -vE "$BENCH_CLASSPATH_FILTER" | paste -sd:)"
  fi
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" "-Xms$heap" "-Xmx$heap" "${FLINK_JAVA_OPTS[@]}" \
    -Dlog4j2.configurationFile="$INVICTA_ROOT/benchmarks/src/main/resources/log4j2-benchmarks.properties" \
    -cp "$classpath" "$main" "$@" &
  local pid=$!
  trap 'kill "$pid" 2>/dev/null || true' INT TERM
  wait "$pid"
  trap - INT TERM
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
