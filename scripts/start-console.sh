#!/usr/bin/env bash
# Runs the real OpenShift console in a container against the cluster you are logged into with `oc`, with
# this plugin loaded from your working tree:
#
#   oc login ...            # any user; the console acts with this user's token
#   npm run start-console   # then open http://localhost:9000/license-service-reporter/api-token
#
# The plugin is rebuilt on change (webpack --watch, development mode) and served from dist/ on
# 127.0.0.1:9001 by a small Node server (correct MIME types, no caching).
#
# Environment:
#   CONSOLE_IMAGE     console image (default quay.io/openshift/origin-console:4.22)
#   CONSOLE_PORT      console port on 127.0.0.1 (default 9000)
#   PLUGIN_PORT       plugin server port (default 9001)
#   CONTAINER_ENGINE  podman or docker (default: podman when installed, else docker)
#   NO_WATCH=1        serve the build as it is (build it yourself) instead of running webpack --watch
#   DIST_DIR          the directory to serve (default dist, the build output)
#   VERIFY_TLS=1      verify the API server's certificate (default: skip, as local clusters are self-signed)
set -euo pipefail

cd "$(dirname "$0")/.."

CONSOLE_IMAGE=${CONSOLE_IMAGE:-quay.io/openshift/origin-console:4.22}
CONSOLE_PORT=${CONSOLE_PORT:-9000}
PLUGIN_PORT=${PLUGIN_PORT:-9001}
PLUGIN_NAME=$(node -p 'require("./package.json").consolePlugin.name')
DIST_DIR=${DIST_DIR:-dist}
case "$DIST_DIR" in
  /*) ;;
  *) DIST_DIR=$PWD/$DIST_DIR ;;
esac
DIST_DIR=${DIST_DIR%/}

die() {
  echo "start-console: $*" >&2
  exit 1
}

command -v oc >/dev/null 2>&1 || die "oc is not installed (https://mirror.openshift.com/pub/openshift-v4/clients/ocp/)"
if [ -n "${CONTAINER_ENGINE:-}" ]; then
  engine=$CONTAINER_ENGINE
elif command -v podman >/dev/null 2>&1; then
  engine=podman
elif command -v docker >/dev/null 2>&1; then
  engine=docker
else
  die "neither podman nor docker is installed"
fi

api_server=$(oc whoami --show-server 2>/dev/null) || die "not logged in: run oc login first"
token=$(oc whoami -t 2>/dev/null) || die "no bearer token for the current oc user (log in with a token or password, not a client certificate)"
[ -n "$token" ] || die "no bearer token for the current oc user"
echo "API server:  $api_server (as $(oc whoami))"
echo "Console:     $CONSOLE_IMAGE"

children=()
workdir=$(mktemp -d)
cleanup() {
  for pid in "${children[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${NO_WATCH:-}" != 1 ]; then
  [ "$DIST_DIR" = "$PWD/dist" ] || die "DIST_DIR is only for NO_WATCH=1 (webpack writes to dist/)"
  rm -rf dist
  ./node_modules/.bin/webpack --watch >"$workdir/webpack.log" 2>&1 &
  children+=("$!")
  echo "Building the plugin (webpack --watch, log in $workdir/webpack.log)..."
  for _ in $(seq 1 300); do
    [ -f "$DIST_DIR/plugin-manifest.json" ] && break
    kill -0 "${children[0]}" 2>/dev/null || {
      cat "$workdir/webpack.log" >&2
      die "webpack stopped"
    }
    sleep 1
  done
fi
[ -f "$DIST_DIR/plugin-manifest.json" ] || die "$DIST_DIR/plugin-manifest.json is missing: run npm run build:dev"

# The plugin server: dist/ at /, JavaScript and JSON with their MIME types (the console sends nosniff),
# nothing cached, 404 for anything that is not a file.
PLUGIN_DIST=$DIST_DIR PLUGIN_PORT=$PLUGIN_PORT node -e '
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const root = process.env.PLUGIN_DIST;
const types = { ".js": "application/javascript", ".json": "application/json", ".map": "application/json", ".txt": "text/plain", ".css": "text/css" };
http.createServer((req, res) => {
  const file = path.join(root, path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found\n");
    return;
  }
  res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" });
  fs.createReadStream(file).pipe(res);
}).listen(Number(process.env.PLUGIN_PORT), "127.0.0.1", () => console.log("Plugin:      http://127.0.0.1:" + process.env.PLUGIN_PORT + "/ serving " + root));
' &
children+=("$!")
server=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PLUGIN_PORT") 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || die "the plugin server stopped (is port $PLUGIN_PORT in use?)"
  sleep 0.1
done

# On Linux the console shares the host network, so it reaches the plugin server on 127.0.0.1. Elsewhere
# (podman machine, Docker Desktop) it reaches the host through the engine's host alias.
run_args=(--rm --env-file "$workdir/bridge.env")
if [ "$(uname -s)" = Linux ]; then
  run_args+=(--network=host)
  plugin_host=127.0.0.1
  listen=http://127.0.0.1:$CONSOLE_PORT
else
  run_args+=(-p "127.0.0.1:$CONSOLE_PORT:9000")
  if [ "$engine" = podman ]; then plugin_host=host.containers.internal; else plugin_host=host.docker.internal; fi
  listen=http://0.0.0.0:9000
fi

# Bridge reads its flags from BRIDGE_<FLAG> variables; an env file keeps the token off the command line.
umask 077
cat >"$workdir/bridge.env" <<EOF
BRIDGE_USER_AUTH=disabled
BRIDGE_K8S_MODE=off-cluster
BRIDGE_K8S_MODE_OFF_CLUSTER_ENDPOINT=$api_server
BRIDGE_K8S_MODE_OFF_CLUSTER_SKIP_VERIFY_TLS=$([ "${VERIFY_TLS:-}" = 1 ] && echo false || echo true)
BRIDGE_K8S_AUTH=bearer-token
BRIDGE_K8S_AUTH_BEARER_TOKEN=$token
BRIDGE_USER_SETTINGS_LOCATION=localstorage
BRIDGE_LISTEN=$listen
BRIDGE_PLUGINS=$PLUGIN_NAME=http://$plugin_host:$PLUGIN_PORT/
BRIDGE_I18N_NAMESPACES=plugin__$PLUGIN_NAME
EOF

echo "Open:        http://localhost:$CONSOLE_PORT/license-service-reporter/api-token"
"$engine" run "${run_args[@]}" "$CONSOLE_IMAGE"
