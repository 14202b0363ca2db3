#!/usr/bin/env bash
# Builds the Linux app image (Maven profile app-image: jlink + jpackage) and tries it the way a teacher would:
# the launcher prints the version, ships shell completion scripts, runs a sample scenario, exports its figures and runs a small sweep in two shards
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
  out=$("$1" --version) && echo "$out" && [[ "$(head -1 <<< "$out")" == "LLM Economist Lab $VERSION (build "* ]] \
    && grep -q "^Java 17" <<< "$out" && grep -q "^JavaFX [0-9]" <<< "$out"
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

# The cluster files under src/main/deploy/cluster, run here as the scheduler would run them: three Slurm array tasks
# then the dependent unsharded job (through the app image), and the Kubernetes Indexed Job's container command for
# completion indexes 0..2 then the finish Job's (through the jar with this machine's java). Both must end with the
# sweep.csv and sweep-summary.csv of a one-machine sweep, byte for byte.
# The completion scripts the image ships (lib/app/completion): what the launcher's 'completion' command prints, and
# bash, having sourced one, completes "llm-economist-lab swe" to "sweep" and "... sweep --sh" to "--shard".
ships_completion_scripts() {
  local dir=$IMAGE/lib/app/completion f
  for f in llm-economist-lab.bash llm-economist-lab.zsh econlab.bash; do
    [ -s "$dir/$f" ] || { echo "missing $dir/$f"; return 1; }
  done
  cmp "$dir/llm-economist-lab.bash" <("$APP" completion bash) || return 1
  local words
  words=$(bash -c 'source "$1"; COMP_WORDS=(llm-economist-lab swe); COMP_CWORD=1; COMP_LINE="llm-economist-lab swe";
    COMP_POINT=${#COMP_LINE}; _complete_llm-economist-lab; echo "${COMPREPLY[@]}"' _ "$dir/llm-economist-lab.bash")
  echo "llm-economist-lab swe<TAB>: $words"
  [ "$words" = sweep ] || return 1
  words=$(bash -c 'source "$1"; COMP_WORDS=(llm-economist-lab sweep --sh); COMP_CWORD=2;
    COMP_LINE="llm-economist-lab sweep --sh"; COMP_POINT=${#COMP_LINE}; _complete_llm-economist-lab; echo "${COMPREPLY[@]}"' \
    _ "$dir/llm-economist-lab.bash")
  echo "llm-economist-lab sweep --sh<TAB>: $words"
  [[ " $words " == *" --shard "* ]]
}

cluster_files_shard_like_one_machine() {
  local dir="$WORK/cluster" f
  mkdir -p "$dir/k8s"
  cat > "$dir/k8s/small.sweep.json" <<JSON
{ "schemaVersion": 1, "name": "cluster smoke", "base": "$PWD/sample-scenarios/us-fed-100-saez.json",
  "parameters": [ { "path": "planner.elasticity", "values": [0.5, 1, 2] } ], "seeds": 2, "steps": 30 }
JSON
  "$APP" sweep "$dir/k8s/small.sweep.json" --out "$dir/one-machine" > /dev/null || return 1
  for task in 1 2 3; do
    SLURM_ARRAY_TASK_ID=$task SLURM_CPUS_PER_TASK=1 ECONLAB_CMD="$APP" \
      bash src/main/deploy/cluster/sweep.slurm "$dir/k8s/small.sweep.json" "$dir/slurm" 3 || return 1
  done
  ECONLAB_CMD="$APP" bash src/main/deploy/cluster/sweep.slurm "$dir/k8s/small.sweep.json" "$dir/slurm" \
    | tee /dev/stderr | grep -q "(6 from before, 0 now)" || return 1
  cp target/llm-economist-lab.jar "$dir/k8s/"
  local shard_cmd finish_cmd
  shard_cmd=$(grep -A1 '^ *args:' src/main/deploy/cluster/sweep-shards-job.yaml | sed -n 's/^ *- //p')
  finish_cmd=$(grep -A1 '^ *args:' src/main/deploy/cluster/sweep-finish-job.yaml | sed -n 's/^ *- //p')
  for index in 0 1 2; do
    (cd "$dir/k8s" && JOB_COMPLETION_INDEX=$index SHARDS=3 SWEEP=small.sweep.json OUT=out PARALLEL=1 sh -c "$shard_cmd") \
      || return 1
  done
  (cd "$dir/k8s" && SWEEP=small.sweep.json OUT=out sh -c "$finish_cmd") | tee /dev/stderr | grep -q "(6 from before, 0 now)" \
    || return 1
  for f in sweep.csv sweep-summary.csv; do
    cmp "$dir/one-machine/$f" "$dir/slurm/$f" && cmp "$dir/one-machine/$f" "$dir/k8s/out/$f" || return 1
  done
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
check "the runtime has the class's web server (jdk.httpserver)" grep -q "jdk.httpserver" "$IMAGE/lib/runtime/release"
check "the image ships bash and zsh completion scripts that complete commands and options" ships_completion_scripts
check "run: a sample scenario writes its run record" runs_sample
check "export: PNG, SVG, PDF and CSV figures" exports_figures
check "sweep: two shards, then the unsharded command merges" sweeps_in_shards
check "cluster: Slurm array tasks and Kubernetes Indexed Job pods equal one machine" cluster_files_shard_like_one_machine
check "the window opens under Xvfb and plays the default scenario" opens_window
echo "app-image: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
