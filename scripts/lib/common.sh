# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables defined here are used by the scripts that source this file
# Invicta: helpers shared by scripts/stack, scripts/flink and scripts/topics.
#
# Source it, do not execute it:   . "$(dirname "$0")/lib/common.sh"
#
# Provides
#   - repo root detection (INVICTA_ROOT) and the configuration env vars with their defaults;
#   - logging: info, warn, die (all to stderr, so stdout stays clean for data);
#   - port checks: port_in_use, require_port_free (dies naming the port and the env var to change);
#   - pid files: start_bg (nohup + pid file), running_pid, stop_by_pid (TERM, ~20 s, KILL; by PID only);
#   - wait_until <timeout-seconds> <description> <command...>: readiness poller;
#   - ensure_lib kafka|flink: runtime jars materialised by Maven from scripts/stack-deps/*/pom.xml;
#   - kafka_tool / flink_java_opts: how to run Java entry points from those jars.
#
# Every process the scripts start has $INVICTA_WORK_DIR on its command line; running_pid checks
# that, so a recycled PID of some unrelated process is never mistaken for ours (or killed).

if [[ -n "${_INVICTA_COMMON_SH:-}" ]]; then
  return 0
fi
_INVICTA_COMMON_SH=1

# ---------------------------------------------------------------------------------------------
# Repo root
# ---------------------------------------------------------------------------------------------
INVICTA_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INVICTA_ROOT="$(cd "$INVICTA_SCRIPTS_DIR/.." && pwd)"

# ---------------------------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------------------------
info() { printf '[invicta %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '[invicta %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# die [message...]: print an error to stderr and exit (status DIE_STATUS, default 1).
die() {
  printf '[invicta] ERROR: %s\n' "$*" >&2
  exit "${DIE_STATUS:-1}"
}

# ---------------------------------------------------------------------------------------------
# Configuration (env vars with defaults). docs/STACK.md lists them.
# ---------------------------------------------------------------------------------------------
: "${INVICTA_WORK_DIR:=$INVICTA_ROOT/.work}"
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${KAFKA_HEAP_OPTS:=-Xmx512m -Xms512m}"
: "${INFLUX_PORT:=8086}"
: "${INFLUX_RPC_PORT:=8088}"
: "${INFLUX_URL:=}"
: "${INFLUX_DB:=invicta}"
# InfluxDB authentication: off unless INFLUX_USERNAME is set; then the password comes from INFLUX_PASSWORD (never an
# argument: it would show in process lists). Our influxd is started with authentication on and this admin user.
: "${INFLUX_USERNAME:=}"
# Where Flink's InfluxDB metrics reporter writes the pipeline's own metrics (beside the city's data).
: "${FLINK_METRICS_DB:=flink_metrics}"
: "${FLINK_REST_PORT:=8081}"
: "${FLINK_RPC_PORT:=6123}"
# TaskManagers of the local cluster (separate processes: records between them cross the network) and slots each.
: "${FLINK_TASKMANAGERS:=2}"
: "${FLINK_SLOTS:=6}"
# A supervisor per TaskManager starts it again when it exits by itself (out of heap, a fatal error, a kill), as
# Kubernetes does for a TaskManager pod: true or false.
: "${FLINK_SUPERVISE:=true}"
: "${TOPIC_PARTITIONS:=4}"

# The work dir must be absolute: it is written into config files and matched against the
# command lines of running processes.
case "$INVICTA_WORK_DIR" in
  /*) ;;
  *) INVICTA_WORK_DIR="$PWD/$INVICTA_WORK_DIR" ;;
esac
INVICTA_WORK_DIR="${INVICTA_WORK_DIR%/}"

_check_port_var() {
  local name="$1" value="${!1}"
  if ! [[ "$value" =~ ^[0-9]+$ ]] || ((value < 1 || value > 65535)); then
    die "$name must be a TCP port number (1-65535), got '$value'"
  fi
}
for _v in KAFKA_PORT KAFKA_CONTROLLER_PORT INFLUX_PORT INFLUX_RPC_PORT FLINK_REST_PORT FLINK_RPC_PORT; do
  _check_port_var "$_v"
done
unset _v
[[ "$TOPIC_PARTITIONS" =~ ^[1-9][0-9]*$ ]] || die "TOPIC_PARTITIONS must be a positive integer, got '$TOPIC_PARTITIONS'"
if [[ -n "$INFLUX_USERNAME" ]]; then
  [[ "$INFLUX_USERNAME" =~ ^[A-Za-z0-9_-]+$ ]] || die "INFLUX_USERNAME must match [A-Za-z0-9_-]+, got '$INFLUX_USERNAME'"
  [[ -n "${INFLUX_PASSWORD:-}" ]] || die "INFLUX_USERNAME is set ($INFLUX_USERNAME) but INFLUX_PASSWORD is not"
  [[ "$INFLUX_PASSWORD" != *[\'\"\\]* ]] || die "INFLUX_PASSWORD must not contain quotes or backslashes"
fi
[[ "$INFLUX_DB" =~ ^[A-Za-z0-9_-]+$ ]] || die "INFLUX_DB must match [A-Za-z0-9_-]+, got '$INFLUX_DB'"
[[ "$FLINK_METRICS_DB" =~ ^[A-Za-z0-9_-]+$ ]] || die "FLINK_METRICS_DB must match [A-Za-z0-9_-]+, got '$FLINK_METRICS_DB'"

LIB_DIR="$INVICTA_WORK_DIR/lib"
LOG_DIR="$INVICTA_WORK_DIR/logs"
RUN_DIR="$INVICTA_WORK_DIR/run"
KAFKA_DIR="$INVICTA_WORK_DIR/kafka"
INFLUX_DIR="$INVICTA_WORK_DIR/influxdb"
FLINK_DIR="$INVICTA_WORK_DIR/flink"
FLINK_CONF_RUNTIME="$FLINK_DIR/conf"

# Where the HTTP API of InfluxDB is: an external server (INFLUX_URL) or ours.
if [[ -n "$INFLUX_URL" ]]; then
  INFLUX_EFFECTIVE_URL="${INFLUX_URL%/}"
else
  INFLUX_EFFECTIVE_URL="http://127.0.0.1:$INFLUX_PORT"
fi

ensure_work_dirs() {
  mkdir -p "$LIB_DIR" "$LOG_DIR" "$RUN_DIR" || die "cannot create work dir $INVICTA_WORK_DIR"
}

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
require_cmd() { # require_cmd <command> <debian package>
  command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed (Debian: apt-get install -y $2)"
}

# JAVA: $JAVA_HOME/bin/java if JAVA_HOME is set, else java on PATH. Kafka 4.x needs Java 17+.
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi
require_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "Java 17+ is required (Debian: apt-get install -y openjdk-17-jdk-headless), or set JAVA_HOME"
  local v major
  v="$("$JAVA" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  major="${v%%.*}"
  if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 17)); then
    die "Java 17+ is required, found '$v' ($JAVA); set JAVA_HOME"
  fi
}

# Maven: the project's wrapper if there is one, else mvn on PATH (override with MVN=...).
mvn_cmd() {
  if [[ -n "${MVN:-}" ]]; then
    echo "$MVN"
  elif [[ -x "$INVICTA_ROOT/mvnw" ]]; then
    echo "$INVICTA_ROOT/mvnw"
  else
    echo "mvn"
  fi
}

# ensure_lib <kafka|flink>: copy the runtime dependencies of scripts/stack-deps/<name>/pom.xml into
# $LIB_DIR/<name>. Cached: Maven only runs when the dir is missing or the pom is newer than its stamp.
ensure_lib() {
  local name="$1" pom dir stamp mvn
  pom="$INVICTA_SCRIPTS_DIR/stack-deps/$name/pom.xml"
  dir="$LIB_DIR/$name"
  stamp="$dir/.fetched"
  [[ -f "$pom" ]] || die "missing $pom"
  if [[ -f "$stamp" && ! "$pom" -nt "$stamp" ]]; then
    return 0
  fi
  mvn="$(mvn_cmd)"
  command -v "$mvn" >/dev/null 2>&1 || die "Maven is required to fetch the $name jars (Debian: apt-get install -y maven)"
  ensure_work_dirs
  local size="~55 MB"
  [[ "$name" == flink ]] && size="~70 MB"
  [[ "$name" == flink-metrics-influxdb ]] && size="~1 MB"
  info "Fetching $name runtime jars with Maven ($(_pom_summary "$pom")) into $dir ($size; a download only on a cold Maven cache) ..."
  rm -rf "$dir.tmp"
  # Maven 3.8 prints stray ANSI resets even with -q and style.color=never: filter them out.
  if ! "$mvn" -B -q -Dstyle.color=never -f "$pom" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$dir.tmp" 2>&1 \
    | sed -e $'s/\x1b\\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2; then
    rm -rf "$dir.tmp"
    die "Maven could not resolve the $name runtime jars from $pom (see the output above)"
  fi
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
  touch "$stamp"
}
# First few <artifactId>:<version> pairs of a stack-deps pom, for the "Fetching" line.
_pom_summary() {
  awk -F'[<>]' '
    /<properties>/ {p=1} /<\/properties>/ {p=0}
    p && $2 ~ /\.version$/ {v[$2]=$3}
    /<dependency>/ {d=1} /<\/dependency>/ {d=0}
    d && $2=="artifactId" && $3 ~ /^(kafka_2\.13|flink-runtime|flink-metrics-influxdb)$/ {a=$3}
    END {
      if (a=="kafka_2.13") print "kafka_2.13 " v["kafka.version"]
      else if (a=="flink-metrics-influxdb") print a " " v["flink.version"]
      else print "flink " v["flink.version"]
    }
  ' "$1"
}

# ---------------------------------------------------------------------------------------------
# Ports
# ---------------------------------------------------------------------------------------------
# port_in_use <port>: lib/ports.sh.
# shellcheck source=ports.sh
. "$INVICTA_SCRIPTS_DIR/lib/ports.sh"
# Who listens on a port, if ss can tell (empty otherwise).
_port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  # users:(("python3",pid=123,fd=3)) -> python3 (pid 123)
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' | head -1 \
    | sed 's/^users:(("\([^"]*\)",pid=\([0-9]*\)$/\1 (pid \2)/' || true
}
# require_port_free <port> <env var> <component>
require_port_free() {
  local port="$1" var="$2" what="$3" owner
  if port_in_use "$port"; then
    owner="$(_port_owner "$port")"
    die "cannot start $what: port $port (127.0.0.1:$port) is already in use${owner:+ by $owner}." \
      "Set $var to a free port (e.g. $var=$((port + 10000)) scripts/stack start) or stop whatever listens on $port."
  fi
}

# ---------------------------------------------------------------------------------------------
# Pid files and processes
# ---------------------------------------------------------------------------------------------
pid_file() { echo "$RUN_DIR/$1.pid"; }

# pid_alive <pid>: exists and is not a zombie.
pid_alive() {
  local pid="$1" state
  kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

# running_pid <name>: print the pid of component <name> and succeed if its pid file names a live
# process whose command line mentions our work dir. A stale pid file is removed.
running_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  pid="$(head -c 32 "$f" | tr -dc '0-9')"
  if [[ -n "$pid" ]] && pid_alive "$pid" \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$INVICTA_WORK_DIR"; then
    echo "$pid"
    return 0
  fi
  rm -f "$f"
  return 1
}

# start_bg <name> <log file> <command...>: run the command detached (nohup, stdin from /dev/null,
# stdout+stderr appended to the log file) and record its pid in run/<name>.pid. Prints the pid.
start_bg() {
  local name="$1" log="$2"
  shift 2
  ensure_work_dirs
  {
    echo
    echo "===== $(date '+%Y-%m-%d %H:%M:%S') starting $name: $*"
  } >>"$log"
  # 9>&-: do not leak the stack lock (scripts/stack holds it on fd 9) into the long-lived child.
  nohup "$@" >>"$log" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$(pid_file "$name")"
  echo "$pid"
}

# stop_by_pid <name> [description]: stop the process recorded in run/<name>.pid, by PID only:
# SIGTERM, wait up to STOP_TIMEOUT (default 20) seconds, then SIGKILL. Removes the pid file.
stop_by_pid() {
  local name="$1" what="${2:-$1}" pid i limit
  if ! pid="$(running_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    info "$what is not running"
    return 0
  fi
  info "Stopping $what (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  limit=$((${STOP_TIMEOUT:-20} * 5))
  for ((i = 0; i < limit; i++)); do
    pid_alive "$pid" || break
    sleep 0.2
  done
  if pid_alive "$pid"; then
    warn "$what (pid $pid) did not exit within ${STOP_TIMEOUT:-20}s of SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      pid_alive "$pid" || break
      sleep 0.1
    done
  fi
  pid_alive "$pid" && die "$what (pid $pid) is still alive after SIGKILL"
  rm -f "$(pid_file "$name")"
  info "Stopped $what"
}

# ---------------------------------------------------------------------------------------------
# Readiness
# ---------------------------------------------------------------------------------------------
# wait_until <timeout-seconds> <description> <command...>
# Polls the command (every WAIT_INTERVAL s, default 0.5, output discarded) until it succeeds.
# Optional globals set by the caller:
#   WAIT_LOG   log file(s), one per line, to name (and tail) on failure;
#   WAIT_PIDS  pids that must stay alive: if one exits, fail at once instead of waiting.
# On failure prints the reason, the log path and its last lines to stderr and returns 1.
wait_until() {
  local timeout="$1" what="$2" start p reason=""
  shift 2
  start=$SECONDS
  local told=$SECONDS
  while true; do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    # A long wait says it is still waiting, every 15 s.
    if ((SECONDS - told >= 15)); then
      info "still waiting for $what ($((SECONDS - start))s of ${timeout}s)"
      told=$SECONDS
    fi
    for p in ${WAIT_PIDS:-}; do
      if ! pid_alive "$p"; then
        reason="process $p exited while waiting for $what"
        break
      fi
    done
    [[ -n "$reason" ]] && break
    if ((SECONDS - start >= timeout)); then
      reason="timed out after ${timeout}s waiting for $what"
      break
    fi
    sleep "${WAIT_INTERVAL:-0.5}"
  done
  printf '[invicta] ERROR: %s\n' "$reason" >&2
  local f
  while IFS= read -r f; do
    [[ -n "$f" ]] || continue
    if [[ -s "$f" ]]; then
      # A dying server's last lines are its shutdown; the cause is usually its first error.
      if grep -qE '(^|[] ])(ERROR|FATAL)[] ]|Exception' "$f"; then
        printf '[invicta] first errors in %s:\n' "$f" >&2
        grep -m 8 -E '(^|[] ])(ERROR|FATAL)[] ]|Exception' "$f" | cut -c1-400 | sed 's/^/    /' >&2
      fi
      printf '[invicta] last lines of %s:\n' "$f" >&2
      tail -n 20 "$f" | sed 's/^/    /' >&2
    fi
    printf '[invicta] see the log: %s\n' "$f" >&2
  done <<<"${WAIT_LOG:-}"
  return 1
}

# influx_curl <curl args...>: curl with the InfluxDB credentials when INFLUX_USERNAME is set, handed over in a
# config read from a pipe: never in the arguments (process lists), never in a file.
influx_curl() {
  if [[ -n "$INFLUX_USERNAME" ]]; then
    curl -K <(printf 'user = "%s:%s"\n' "$INFLUX_USERNAME" "$INFLUX_PASSWORD") "$@"
  else
    curl "$@"
  fi
}

http_code() { # http_code <url> [curl args...]: print the HTTP status code (000 if unreachable)
  local url="$1"
  shift
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" "$url" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# Java command lines
# ---------------------------------------------------------------------------------------------
# kafka_tool <main class> [args...]: run a Kafka CLI class from the broker classpath, logging WARN+
# to stderr only. Example: kafka_tool org.apache.kafka.tools.TopicCommand --list --bootstrap-server ...
kafka_tool() {
  local main="$1"
  shift
  _write_kafka_tools_log4j
  "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="file:$KAFKA_DIR/tools-log4j2.properties" \
    -Dinvicta.workdir="$INVICTA_WORK_DIR" \
    -cp "$LIB_DIR/kafka/*" "$main" "$@"
}
_write_kafka_tools_log4j() {
  [[ -f "$KAFKA_DIR/tools-log4j2.properties" ]] && return 0
  mkdir -p "$KAFKA_DIR"
  cat >"$KAFKA_DIR/tools-log4j2.properties" <<'EOF'
# Generated by scripts/lib/common.sh: log4j2 config for Kafka CLI tools (quiet).
status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d{HH:mm:ss}] %-5p %m (%c{1})%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = STDERR
EOF
}

# JVM options Flink needs on Java 17: the one list is the flink.jvm.opens property of the root pom.xml
# (the Maven test forks use it too).
read -r -a FLINK_JAVA_OPTS <<<"$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' "$INVICTA_ROOT/pom.xml")"
[[ ${#FLINK_JAVA_OPTS[@]} -gt 0 ]] || die "no <flink.jvm.opens> in $INVICTA_ROOT/pom.xml"

# ---------------------------------------------------------------------------------------------
# Flink configuration
# ---------------------------------------------------------------------------------------------
# flink_conf_rewrite <template config.yaml> <output> <key=value>...
# Copies a Flink 2.x nested-key YAML file, replacing the value of each given (flattened) key where
# it is defined, and appending the keys it does not define as flat "a.b.c: value" lines at the end
# (Flink's loader accepts both forms). Handles the block-mapping style of flink-conf/config.yaml
# (no flow mappings, no multi-line scalars).
flink_conf_rewrite() {
  local src="$1" dst="$2"
  shift 2
  local overrides
  overrides="$(printf '%s\n' "$@")"
  awk -v overrides="$overrides" '
    BEGIN {
      n = split(overrides, kv, "\n")
      for (i = 1; i <= n; i++) {
        if (kv[i] == "") continue
        p = index(kv[i], "=")
        k = substr(kv[i], 1, p - 1); ov[k] = substr(kv[i], p + 1); order[++m] = k
      }
      depth = 0
    }
    /^[ ]*[A-Za-z0-9_.-]+:([ ]|$)/ {
      ind = match($0, /[^ ]/) - 1
      body = substr($0, ind + 1)
      c = index(body, ":")
      key = substr(body, 1, c - 1)
      val = substr(body, c + 1)
      sub(/^[ ]+/, "", val)
      while (depth > 0 && indent[depth] >= ind) depth--
      full = key
      for (i = depth; i >= 1; i--) full = keys[i] "." full
      if (val == "" || substr(val, 1, 1) == "#") {
        depth++; keys[depth] = key; indent[depth] = ind
      } else if (full in ov) {
        printf "%s%s: %s  # set by scripts/ from the environment\n", substr($0, 1, ind), key, ov[full]
        seen[full] = 1
        next
      }
    }
    { print }
    END {
      hdr = 0
      for (i = 1; i <= m; i++) {
        k = order[i]
        if (k in seen) continue
        if (!hdr) { print ""; print "# Added by scripts/ from the environment (flattened keys)"; hdr = 1 }
        printf "%s: %s\n", k, ov[k]
      }
    }
  ' "$src" >"$dst"
}

# doc_section <doc> <marker> <file>: replaces what lies between the lines "<!-- <marker> -->" and
# "<!-- <marker>: end -->" of <doc> with <file> (a generated section of a hand-written doc: the latest full run of a
# suite). Fails when the doc has no such markers.
doc_section() {
  local doc="$1" begin="<!-- $2 -->" end="<!-- $2: end -->" file="$3"
  grep -qF "$begin" "$doc" && grep -qF "$end" "$doc" || {
    warn "$doc has no '$begin' ... '$end' markers: left in $file"
    return 1
  }
  awk -v b="$begin" -v e="$end" -v f="$file" '
    $0 == b { print; while ((getline line < f) > 0) print line; skip = 1; next }
    $0 == e { skip = 0 }
    !skip' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
}
