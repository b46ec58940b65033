#!/usr/bin/env bash
# Times the runner worker's life as a user sees it, on a throw-away data directory: how long the app takes to serve
# with its worker, how long a killed worker takes to be noticed (the run's status says so) and replaced, how long a
# cancel takes, and an upload analysed in its sandbox. Prints one line per figure. Needs a build (dotnet build) and curl.
# Usage: tools/worker-timings.sh [Debug|Release]
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${1:-Release}
dll=src/EfficiencyDashboard.Web/bin/$configuration/net10.0/EfficiencyDashboard.Web.dll
[ -f "$dll" ] || { echo "Build first: dotnet build src/EfficiencyDashboard.Web -c $configuration" >&2; exit 2; }
data=$(mktemp -d /tmp/efficiency-timings-XXXXXX)
port=$((20000 + RANDOM % 20000))
url=http://127.0.0.1:$port
log=$data/app.log
ms() { date +%s%3N; }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p" | head -1; }
api() { curl -s -H "Authorization: Bearer $token" "$@"; }
run() { api "$url/api/runs/$1"; }
cleanup() { [ -n "${app:-}" ] && kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT

# Sign-in is on: an engineer and a token, made with the app's verbs on the same data directory (not timed).
dotnet "$dll" users add timings --role engineer --Storage:DataDirectory="$data" >/dev/null
token=$(dotnet "$dll" tokens create --user timings --scope engineer --Storage:DataDirectory="$data" 2>/dev/null)

start=$(ms)
dotnet "$dll" --Urls=$url --Storage:DataDirectory="$data" --Catalog:BuiltInModels:0=mobilenetv2-1.0-generated >"$log" 2>&1 &
app=$!
until curl -s $url/healthz/ready 2>/dev/null | grep -q '"status":"Healthy"'; do sleep 0.05; done
echo "app serving with its worker ready:        $(( $(ms) - start )) ms (fresh data directory: migrations, worker start)"
until api $url/api/models | grep -q mobilenet; do sleep 0.1; done
echo "catalog (MobileNetV2 generated, analysed): $(( $(ms) - start )) ms after start"

worker() { grep -o 'Started runner worker [^ ]* (pid [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$'; }
queue() { api -X POST $url/api/runs -H 'content-type: application/json' \
  -d '{"modelId":1,"batchSize":1,"durationSeconds":600,"minQueries":3,"warmupQueries":1}' | field id; }

id=$(queue)
until run "$id" | grep -q '"phase":"measuring"'; do sleep 0.05; done
killed=$(worker); t=$(ms); kill -KILL "$killed"
until run "$id" | grep -q '"status":"interrupted"'; do sleep 0.01; done
echo "SIGKILL to the worker -> run interrupted:  $(( $(ms) - t )) ms ($(run "$id" | field error))"
until [ "$(worker)" != "$killed" ] && curl -s $url/healthz/ready | grep -q '"status":"Healthy"'; do sleep 0.05; done
echo "fresh worker ready again:                  $(( $(ms) - t )) ms after the kill (includes the 1 s back-off)"

retry=$((id + 1))
until run "$retry" | grep -q '"phase":"measuring"'; do sleep 0.05; done
t=$(ms); api -X POST $url/api/runs/$retry/cancel >/dev/null
until run "$retry" | grep -q '"status":"cancelled"'; do sleep 0.01; done
echo "cancel of a measuring run -> cancelled:    $(( $(ms) - t )) ms"

model=$(find "$data/models" -name '*.onnx' | head -1)
t=$(ms); status=$(api -o /dev/null -w '%{http_code}' -F "file=@$model;filename=upload.onnx" $url/api/models)
echo "upload of MobileNetV2 (14 MB), sandboxed:  $(( $(ms) - t )) ms (HTTP $status)"
web_maps=$(grep -c libonnxruntime /proc/$app/maps || true)
echo "libonnxruntime mappings in the web process: $web_maps; in the worker: $(grep -c libonnxruntime /proc/$(worker)/maps || true)"
