# shellcheck shell=bash
# Invicta: port checks. Sourced (lib/common.sh sources it too); has no dependencies, so a script can pick its ports
# before lib/common.sh reads the port variables.
#
#   port_in_use <port>     true if something accepts TCP connections on 127.0.0.1:<port>
#   pick_free_port <VAR>   set VAR to a port nobody listens on, that no socket in any state uses, outside the
#                          kernel's ephemeral range, and not picked before by this shell
#
# Why outside the ephemeral range: after a test run the machine holds thousands of client sockets (many in
# TIME_WAIT) on ephemeral local ports. A server that binds one of those fails with "Address already in use" even
# though nothing listens there: that is how a broker of the end-to-end test once died three seconds after start.

if [[ -n "${_INVICTA_PORTS_SH:-}" ]]; then
  return 0
fi
_INVICTA_PORTS_SH=1
_PICKED_PORTS=" "

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The first port of the kernel's ephemeral range (32768 when it cannot be read).
_ephemeral_low() {
  local low _high
  if read -r low _high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null && [[ "$low" =~ ^[0-9]+$ ]]; then
    echo "$low"
  else
    echo 32768
  fi
}

# True when some TCP socket, in any state, has this local port (or, without ss, when something accepts on it).
_port_taken() {
  local p="$1"
  if port_in_use "$p"; then
    return 0
  fi
  command -v ss >/dev/null 2>&1 || return 1
  [[ -n "$(ss -Htan "sport = :$p" 2>/dev/null)" ]]
}

pick_free_port() {
  local var="$1" low high p tries
  high=$(($(_ephemeral_low) - 1))
  low=20000
  ((high > low + 1000)) || { low=10000; high=19999; }
  for ((tries = 0; tries < 1000; tries++)); do
    p=$((low + (RANDOM * 32768 + RANDOM) % (high - low + 1)))
    [[ "$_PICKED_PORTS" == *" $p "* ]] && continue
    _port_taken "$p" && continue
    _PICKED_PORTS="$_PICKED_PORTS$p "
    printf -v "$var" '%s' "$p"
    return 0
  done
  echo "[invicta] ERROR: no free port found in $low-$high" >&2
  return 1
}
