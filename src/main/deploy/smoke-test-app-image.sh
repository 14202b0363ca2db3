#!/usr/bin/env bash
# Builds the Linux app image (Maven profile app-image: jlink + jpackage) and tries it the way a teacher would:
# the launcher prints the version, runs a sample scenario, exports its figures and runs a small sweep in two shards
# (with arguments it is the command line), and without arguments the window opens on an X display (Xvfb), plays the
# default scenario and records it.
#
#   src/main/deploy/smoke-test-app-image.sh            # build, then test
#   SKIP_BUILD=1 src/main/deploy/smoke-test-app-image.sh   # test the image already in target/dist
#
# Needs the JDK (jpackage), Maven, and for the window Xvfb, GTK 3 and xwininfo:
#   apt-get install -y --no-install-recommends xvfb libgtk-3-0 x11-utils
# .ci/run installs these and runs this script after the test suite. Prints one line per check and ends with
# "app-image: N passed, M failed"; exits non-zero when a check fails.
set -uo pipefail
cd "$(dirname "$0")/../../.."

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B ${MVN_ARGS:-} -Papp-image -DskipTests package || { echo "app-image: 0 passed, 1 failed"; exit 1; }
fi

IMAGE=target/dist/llm-economist-lab
APP=$IMAGE/bin/llm-economist-lab
WORK=$(mktemp -d)
VERSION=$(sed -n 's/^version=//p' target/classes/org/econlab/version.properties)
passed=0
failed=0
pids=()

cleanup() {
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

check() { # check NAME COMMAND...: runs the command, counts it
  local name=$1
  shift
  if "$@" > "$WORK/last.log" 2>&1; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    sed 's/^/    /' "$WORK/last.log" | tail -20
    failed=$((failed + 1))
  fi
}

prints_version() {
  local out
  out=$("$1" --version) && echo "$out" && [ "$out" = "LLM Economist Lab $VERSION" ]
}

runs_sample() {
  "$APP" run sample-scenarios/us-fed-100-saez.json --steps 30 --out "$WORK/run" | tee /dev/stderr | grep -q " swf=" \
    && [ "$(wc -l < "$WORK/run/steps.csv")" -eq 31 ]
}

exports_figures() {
  "$APP" export "$WORK/run" --out "$WORK/figures" --format png,svg,pdf,csv \
    && for f in swf.png swf.svg swf.pdf swf.csv; do [ -s "$WORK/figures/$f" ] || { echo "missing $f"; return 1; }; done
}

sweeps_in_shards() {
  local sweep=sample-scenarios/sweeps/saez-elasticity.sweep.json
  "$APP" sweep "$sweep" --out "$WORK/sweep" --shard 1/2 && "$APP" sweep "$sweep" --out "$WORK/sweep" --shard 2/2 \
    && "$APP" sweep "$sweep" --out "$WORK/sweep" | tee /dev/stderr | grep -q "0 now" \
    && [ -s "$WORK/sweep/sweep-summary.csv" ]
}

opens_window() {
  command -v Xvfb > /dev/null && command -v xwininfo > /dev/null \
    || { echo "needs Xvfb and xwininfo: apt-get install -y --no-install-recommends xvfb libgtk-3-0 x11-utils"; return 1; }
  exec 3> "$WORK/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp > "$WORK/xvfb.log" 2>&1 &
  pids+=($!)
  exec 3>&-
  local display=""
  for _ in $(seq 50); do
    display=$(head -1 "$WORK/display" 2>/dev/null)
    [ -n "$display" ] && break
    sleep 0.1
  done
  [ -n "$display" ] || { echo "Xvfb did not start"; cat "$WORK/xvfb.log"; return 1; }
  mkdir -p "$WORK/window-runs"
  DISPLAY=":$display" ECONLAB_RUNS_DIR="$WORK/window-runs" ECONLAB_AUTOPLAY=1 "$APP" > "$WORK/window.log" 2>&1 &
  local app=$!
  pids+=($app)
  local ok=1
  for _ in $(seq 120); do
    if DISPLAY=":$display" xwininfo -root -tree 2>/dev/null | grep -q '"LLM Economist Lab' \
        && [ -n "$(find "$WORK/window-runs" -name steps.csv -size +1k 2>/dev/null)" ]; then
      ok=0
      break
    fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
  done
  DISPLAY=":$display" xwininfo -root -tree | grep '"LLM Economist Lab' || true
  find "$WORK/window-runs" -name steps.csv -exec wc -l {} +
  if [ -n "${SMOKE_SCREENSHOT:-}" ] && command -v import > /dev/null; then
    sleep 3 # let the first frames paint
    DISPLAY=":$display" import -window root "$SMOKE_SCREENSHOT" && echo "screenshot: $SMOKE_SCREENSHOT"
  fi
  [ $ok -eq 0 ] || { echo "no window, or it recorded no steps:"; tail -20 "$WORK/window.log"; }
  return $ok
}

[ -x "$APP" ] || { echo "no app image at $IMAGE"; echo "app-image: 0 passed, 1 failed"; exit 1; }
echo "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1)), lab version $VERSION"
check "the launcher prints the version" prints_version "$APP"
check "run: a sample scenario writes its run record" runs_sample
check "export: PNG, SVG, PDF and CSV figures" exports_figures
check "sweep: two shards, then the unsharded command merges" sweeps_in_shards
check "the window opens under Xvfb and plays the default scenario" opens_window
echo "app-image: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
