# shellcheck shell=bash
# Invicta: running the in-JVM benchmarks of the benchmarks module (scripts/bench-metrics, bench-cep,
# bench-influx-sink). Sourced after common.sh.
#
#   bench_java <heap> <main class> [args...]   compile the benchmarks module and its reactor siblings (never
#                                              installs; once per harness run: BENCH_COMPILED=1 says it was
#                                              done), then run the class with Flink's JVM options, printing the
#                                              machine and the load before and after; with BENCH_PROFILE=<file.jfr>,
#                                              under Java Flight Recorder, then the profile's summary (jfr_summary)
#   jfr_summary <file.jfr>                     where the CPU went: execution samples by the component of the
#                                              method running (Esper, Avro, Flink, Invicta, the JDK, Kryo …) and
#                                              the 15 methods sampled most
#   jfr_threads <file.jfr>                     the same samples by thread, a Flink task's subtasks together: which
#                                              operators of which job took the CPU
#   bench_run <label> <log> <command...>       one benchmark in the background, its output to <log>, its last
#                                              line on the terminal every 15 s; dies naming the log if it fails

BENCH_CP_FILE="$INVICTA_ROOT/benchmarks/target/bench.classpath"

_bench_classpath() {
  [[ "${BENCH_COMPILED:-}" != 1 || ! -s "$BENCH_CP_FILE" ]] || return 0
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
  local profile=()
  [[ -z "${BENCH_PROFILE:-}" ]] || profile=("-XX:StartFlightRecording=filename=$BENCH_PROFILE,settings=profile")
  "$JAVA" "-Xms$heap" "-Xmx$heap" "${FLINK_JAVA_OPTS[@]}" "${profile[@]}" \
    -Dlog4j2.configurationFile="$INVICTA_ROOT/benchmarks/src/main/resources/log4j2-benchmarks.properties" \
    -cp "$classpath" "$main" "$@" &
  local pid=$!
  trap 'kill "$pid" 2>/dev/null || true' INT TERM
  wait "$pid"
  trap - INT TERM
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  [[ -z "${BENCH_PROFILE:-}" ]] || jfr_summary "$BENCH_PROFILE"
}

jfr_summary() {
  local samples
  samples="$(jfr print --events jdk.ExecutionSample "$1" | awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print }')"
  [[ -n "$samples" ]] || { echo "profile $1: no execution samples"; return; }
  echo "profile $1: $(wc -l <<<"$samples") execution samples; by the component of the method running:"
  awk '{ c = "other"
      if ($0 ~ /^com\.espertech\./) c = "Esper"; else if ($0 ~ /^org\.apache\.avro\./) c = "Avro"
      else if ($0 ~ /^org\.apache\.flink\.(shaded\.)?.*kryo|^com\.esotericsoftware\./) c = "Kryo"
      else if ($0 ~ /^org\.apache\.flink\./) c = "Flink"; else if ($0 ~ /^io\.invicta\./) c = "Invicta"
      else if ($0 ~ /^(java|jdk|sun)\./) c = "JDK"
      n[c]++; t++ }
    END { for (c in n) printf "  %-8s %5.1f %%\n", c, 100 * n[c] / t }' <<<"$samples" | sort -k2 -rn
  echo "the 15 methods sampled most:"
  sed 's/(.*//' <<<"$samples" | sort | uniq -c | sort -rn | head -15 \
    | awk -v t="$(wc -l <<<"$samples")" '{ printf "  %5.1f %%  %s\n", 100 * $1 / t, $2 }'
}

jfr_threads() {
  jfr print --events jdk.ExecutionSample "$1" | awk -F'"' '/sampledThread = / {
      name = $2; sub(/ \([0-9]+\/[0-9]+\)#[0-9]+$/, "", name); n[substr(name, 1, 110)]++; t++ }
    END { for (k in n) printf "  %5.1f %%  %s\n", 100 * n[k] / t, k }' | sort -rn | head -20
}

bench_run() {
  local label="$1" log="$2" t0=$SECONDS pid
  shift 2
  info "$label: $* (output: $log)"
  "$@" >"$log" 2>&1 &
  pid=$!
  while pid_alive "$pid"; do
    sleep 15
    pid_alive "$pid" && info "$label still running ($((SECONDS - t0))s): $(grep -v '^\s*$' "$log" | tail -1 | cut -c1-120)"
  done
  wait "$pid" || die "$label failed (see $log)"
  info "$label done in $((SECONDS - t0))s"
}
