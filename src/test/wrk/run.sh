#!/bin/bash
# The load run of the README's Performance section, from outside, as users start the service:
#   mvn -q -DskipTests package && src/test/wrk/run.sh
# Makes VARIED (2000) documents of the form that differ in their text (VariedDocuments, from the test classes the
# package step compiles), starts the jar with the README's command (no other options), times /healthz, times the
# first 200 renders one after another, then runs wrk (Debian package) with 1, 4 and 16 connections posting the
# example again and again, then the differing documents in turn, and reads the heap in use (jstat) before and
# after. FORM=… and FORMAT=… choose another form or format; RUNS="16:20s" runs only 20 s at 16 connections.
# WARM=90s first loads it that long at 16 connections with the differing documents, so that the runs after measure
# the service once the JIT has compiled the render path (on two cores that takes one to two minutes of load).
set -euo pipefail
cd "$(dirname "$0")/../../.."
form=${FORM:-performance-tracking}
format=${FORMAT:-pdf}
port=${PORT:-7070}
url="http://localhost:$port"
runs=${RUNS:-1:20s 4:30s 16:120s}
varied=target/varied/$form
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
rm -rf "$varied"
java -cp target/jixiao-forms.jar:target/test-classes cn.jixiao.forms.bench.VariedDocuments "$form" "${VARIED:-2000}" "$varied" 2>target/varied.log \
  | tail -1

started=$(date +%s%N)
PORT=$port java -XX:SharedArchiveFile=target/jixiao-forms.jsa -Xmx512m -jar target/jixiao-forms.jar > target/load-service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf -m 1 "$url/healthz" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "the service stopped before it was ready: target/load-service.log" >&2; exit 1; }
  sleep 0.02
done
echo "ready: /healthz answered $(( ($(date +%s%N) - started) / 1000000 )) ms after launch"

render() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
    --data-binary "@examples/$form.json" "$url/api/v1/forms/$form/render?format=$format"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) * 1000}'; }

first=$(for i in $(seq 200); do render; done)
echo "first 200 renders: $(echo "$first" | grep -vc '^200 ') not 200; median $(echo "$first" | awk '{print $2}' | median) ms"

heap() {
  jcmd $pid GC.run >/dev/null
  jstat -gc $pid | awk 'NR==2 {printf "%.0f MB", ($3+$4+$6+$8)/1024}'
}
echo "heap in use after a full GC: $(heap)"

run() {
  echo "wrk, $1 connection(s), $2, $3 (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
  wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$2" --timeout 10s -s src/test/wrk/render.lua "$url" -- "$form" "$format" \
    ${4:-} | tail -1
}
warm=$(for i in $(seq 50); do render; done)
echo "warm, one at a time: median $(echo "$warm" | awk '{print $2}' | median) ms"
if [ -n "${WARM:-}" ]; then
  run 16 "$WARM" "differing documents, to warm up (not the measure)" "$varied"
fi
for each in $runs; do
  run "${each%%:*}" "${each##*:}" "the example every time"
  run "${each%%:*}" "${each##*:}" "differing documents in turn" "$varied"
done
committed=$(jstat -gc $pid | awk 'NR==2 {printf "%.0f MB", ($1+$2+$5+$7)/1024}')
echo "heap committed after the load: $committed; in use after a full GC: $(heap)"
