#!/bin/sh
# Adds a console plugin to, or removes it from, spec.plugins of consoles.operator.openshift.io/cluster.
#
#   console-plugins.sh enable|disable <plugin-name>
#
# Idempotent: enabling a plugin already listed, or disabling one not listed, changes nothing. Other plugins
# are kept in place. Every change is a JSON patch that first tests the list it was computed from (or the
# object's resourceVersion when there is no list yet), so a concurrent writer makes the patch fail instead
# of being overwritten; the script then reads the object again and retries.
#
# Environment: KUBECTL (default: kubectl, else oc), CONSOLE_NAME (default: cluster),
# ATTEMPTS (default: 10), RETRY_DELAY seconds (default: 2).
set -eu

usage() {
  echo "usage: $0 enable|disable <plugin-name>" >&2
  exit 2
}

[ "$#" -eq 2 ] || usage
action=$1
plugin=$2
case "$action" in
  enable | disable) ;;
  *) usage ;;
esac

# Plugin names are DNS-1123 subdomains, so they need no JSON escaping; refuse anything else.
valid_name() {
  printf '%s' "$1" | grep -Eq '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$'
}
valid_name "$plugin" || {
  echo "invalid plugin name: $plugin" >&2
  exit 2
}

if [ -z "${KUBECTL:-}" ]; then
  if command -v kubectl >/dev/null 2>&1; then
    KUBECTL=kubectl
  elif command -v oc >/dev/null 2>&1; then
    KUBECTL=oc
  else
    echo "neither kubectl nor oc found on PATH" >&2
    exit 1
  fi
fi
console=${CONSOLE_NAME:-cluster}
attempts=${ATTEMPTS:-10}
delay=${RETRY_DELAY:-2}
resource=consoles.operator.openshift.io

# Prints: line 1 "found", line 2 the resourceVersion, line 3 "spec" or "nospec", then one plugin a line.
# Prints nothing when the object does not exist.
template='found{{"\n"}}{{.metadata.resourceVersion}}{{"\n"}}{{if .spec}}spec{{else}}nospec{{end}}{{"\n"}}{{with .spec}}{{range .plugins}}{{.}}{{"\n"}}{{end}}{{end}}'

# JSON array of the lines on stdin: ["a","b"]
json_list() {
  out=''
  while IFS= read -r item; do
    [ -n "$item" ] || continue
    valid_name "$item" || {
      echo "unexpected entry in spec.plugins: $item" >&2
      return 1
    }
    out="$out${out:+,}\"$item\""
  done
  printf '[%s]' "$out"
}

attempt=1
next_attempt() {
  if [ "$attempt" -ge "$attempts" ]; then
    echo "could not $action $plugin in $resource/$console after $attempts attempts" >&2
    exit 1
  fi
  echo "$1 (attempt $attempt of $attempts), trying again in ${delay}s" >&2
  attempt=$((attempt + 1))
  sleep "$delay"
}

while :; do
  if ! state=$("$KUBECTL" get "$resource" "$console" --ignore-not-found -o "go-template=$template"); then
    next_attempt "reading $resource/$console failed"
    continue
  fi
  if [ "$(printf '%s\n' "$state" | sed -n 1p)" != found ]; then
    if [ "$action" = disable ]; then
      echo "$resource/$console not found: nothing to remove"
      exit 0
    fi
    echo "$resource/$console not found: is this an OpenShift cluster with the console operator?" >&2
    exit 1
  fi
  version=$(printf '%s\n' "$state" | sed -n 2p)
  has_spec=$(printf '%s\n' "$state" | sed -n 3p)
  plugins=$(printf '%s\n' "$state" | sed -n '4,$p')
  current=$(printf '%s\n' "$plugins" | json_list)

  if [ "$action" = enable ]; then
    if printf '%s\n' "$plugins" | grep -qxF "$plugin"; then
      echo "$plugin is already enabled in $resource/$console: $current"
      exit 0
    fi
    if [ -n "$plugins" ]; then
      patch="[{\"op\":\"test\",\"path\":\"/spec/plugins\",\"value\":$current},{\"op\":\"add\",\"path\":\"/spec/plugins/-\",\"value\":\"$plugin\"}]"
    elif [ "$has_spec" = spec ]; then
      patch="[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"$version\"},{\"op\":\"add\",\"path\":\"/spec/plugins\",\"value\":[\"$plugin\"]}]"
    else
      patch="[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"$version\"},{\"op\":\"add\",\"path\":\"/spec\",\"value\":{\"plugins\":[\"$plugin\"]}}]"
    fi
  else
    if ! printf '%s\n' "$plugins" | grep -qxF "$plugin"; then
      echo "$plugin is not enabled in $resource/$console: $current"
      exit 0
    fi
    # Remove every occurrence, highest index first so the earlier indexes stay valid.
    removals=$(printf '%s\n' "$plugins" | grep -v '^$' | grep -nxF "$plugin" | cut -d: -f1 | sort -rn |
      while IFS= read -r line; do
        printf ',{"op":"remove","path":"/spec/plugins/%d"}' "$((line - 1))"
      done)
    patch="[{\"op\":\"test\",\"path\":\"/spec/plugins\",\"value\":$current}$removals]"
  fi

  if "$KUBECTL" patch "$resource" "$console" --type=json -p "$patch"; then
    echo "${action}d $plugin in $resource/$console"
    exit 0
  fi
  next_attempt "patching $resource/$console failed"
done
