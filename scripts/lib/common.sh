# Shared by the scripts in scripts/: sourced, not run. Assumes the caller is at the repo root.

JAR=target/followup.jar

# Java reads file names with the locale's charset: under the C/POSIX locale a note named
# "Zoë.md" cannot be opened. Prefer a UTF-8 locale when the caller has none.
ensure_utf8_locale() {
  case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *UTF-8* | *utf-8* | *UTF8* | *utf8*) ;;
    *) export LC_ALL=C.UTF-8 ;;
  esac
}

# Builds target/followup.jar when it is missing or older than any source, migration or the pom.
ensure_jar() {
  if [[ ! -f "$JAR" ]] || [[ -n "$(find pom.xml src/main db/migration -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
    echo "followup: building $JAR ..." >&2
    mvn -B -q -ntp -DskipTests package >&2
  fi
}

# `followup ingest` is a batch job of seconds on a small machine: C2 compiling the hot code costs more CPU than
# it saves there (measured: a cold 10,000-note ingest used 20 s of CPU with C2, 13 s with C1 only; again later,
# 35 s against 21 s). The parallel collector: no concurrent GC threads competing with the ingest's own for two
# cores (0.5-1.5 s less CPU than G1 on that ingest, max RSS 400 MB instead of 530). The server (serve) keeps
# its own defaults. Set FOLLOWUP_INGEST_JAVA_OPTS= (empty) to turn this off.
FOLLOWUP_INGEST_JAVA_OPTS=${FOLLOWUP_INGEST_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseParallelGC}
export FOLLOWUP_INGEST_JAVA_OPTS

# JVM flags for `followup serve`, the long-running bot, when FOLLOWUP_JAVA_OPTS is not set: a small
# fixed-ceiling heap (the default is a quarter of the machine's RAM, and an idle JVM keeps what it once
# grew to), the serial collector (least memory, no GC threads; short pauses on a heap this size),
# smaller thread stacks and code cache. Any FOLLOWUP_JAVA_OPTS (even empty) replaces all of them.
# 192 MB of heap: serve's live data is ~40-60 MB; what needs more is an ingest, and a cold ingest of
# 10,000 notes at start-up runs in 192 MB (measured: 15 s, peak RSS 295 MB).
# A fixed 32 MB young generation, and an old one kept 15-40% free: by default the young one grew to a third of
# the heap and the old one to the rest during a start-up ingest, and the JVM kept all 192 MB resident for good
# (every young GC touches all of eden). The Slack bench's serve peaked at 376 MB instead of 392-421 MB, and
# started faster (fewer full GCs of a 128 MB old generation that was always nearly full).
SERVE_JAVA_OPTS_DEFAULT="-Xms32m -Xmx192m -Xmn32m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m"

# Environment for `followup serve`: glibc gives each thread that mallocs (SQLite does, from every request
# thread) an arena of its own, up to 8 per CPU, and memory freed in one stays there; two arenas kept the
# Slack bench's serve at 393 MB instead of 435 MB. Set MALLOC_ARENA_MAX yourself to change it.
serve_env() {
  printf 'MALLOC_ARENA_MAX=%s\n' "${MALLOC_ARENA_MAX:-2}"
}

# The flags for a `followup <verb>`: FOLLOWUP_JAVA_OPTS when set, else the serve defaults for serve;
# ingest adds FOLLOWUP_INGEST_JAVA_OPTS.
java_opts_for() {
  if [[ -n "${FOLLOWUP_JAVA_OPTS+x}" ]]; then
    printf '%s\n' "$FOLLOWUP_JAVA_OPTS"
  elif [[ "${1:-}" == serve ]]; then
    printf '%s\n' "$SERVE_JAVA_OPTS_DEFAULT"
  fi
  if [[ "${1:-}" == ingest ]]; then
    local opt
    for opt in $FOLLOWUP_INGEST_JAVA_OPTS; do
      # A collector chosen in FOLLOWUP_JAVA_OPTS wins: the JVM refuses to start with two.
      if [[ "$opt" == -XX:+Use*GC && "${FOLLOWUP_JAVA_OPTS:-}" == *-XX:+Use*GC* ]]; then
        continue
      fi
      printf '%s\n' "$opt"
    done
  fi
}

# java_cmd [-jar JAR | -cp JAR MAIN] [verb args...]: java with the flags java_opts_for gives that verb.
java_cmd() {
  local verb=""
  case "${1:-}" in
    -jar) verb=${3:-} ;;
    -cp) verb=${4:-} ;;
  esac
  if [[ "$verb" == serve ]]; then
    # shellcheck disable=SC2046  # the options are a list of JVM flags and NAME=value pairs
    env $(serve_env) java $(java_opts_for "$verb") "$@"
  else
    # shellcheck disable=SC2046  # the options are a list of JVM flags
    java $(java_opts_for "$verb") "$@"
  fi
}

# The scripts cd to the repo root; paths the caller gave (relative to where they stood) are made
# absolute first. Usage: absolutize_env "$CALLER_PWD"; DIR=$(abs_path "$CALLER_PWD" "$1")
abs_path() {
  local base=$1 p=$2
  case "$p" in
    /*) printf '%s\n' "$p" ;;
    *) printf '%s\n' "$base/$p" ;;
  esac
}

absolutize_env() {
  local base=$1 var
  for var in FOLLOWUP_VAULT FOLLOWUP_DB FOLLOWUP_PEOPLE; do
    if [[ -n "${!var:-}" ]]; then
      export "$var=$(abs_path "$base" "${!var}")"
    fi
  done
}

# With no FOLLOWUP_VAULT the scripts run the bundled demo: Harbor & Finch's notes, their people
# file, and a pinned "today" (2026-03-04) so the digest always has overdue, due-today and upcoming
# tasks. The notes are copied to db/demo-vault first, so write-back from chat edits the copy and
# the committed src/demo/vault stays as it is. Sets DEMO=1 when the demo is used.
DEMO_TODAY=2026-03-04
DEMO_VAULT_COPY=db/demo-vault
demo_defaults() {
  DEMO=0
  if [[ -z "${FOLLOWUP_VAULT:-}" ]]; then
    DEMO=1
    if [[ ! -d "$DEMO_VAULT_COPY" ]]; then
      mkdir -p "$(dirname "$DEMO_VAULT_COPY")"
      cp -R src/demo/vault "$DEMO_VAULT_COPY"
    fi
    export FOLLOWUP_VAULT="$PWD/$DEMO_VAULT_COPY"
    export FOLLOWUP_PEOPLE="${FOLLOWUP_PEOPLE:-$PWD/src/demo/people.yml}"
    export FOLLOWUP_TODAY="${FOLLOWUP_TODAY:-$DEMO_TODAY}"
    export FOLLOWUP_DB="${FOLLOWUP_DB:-$PWD/db/demo.db}"
  fi
}

# Forgets the demo's state: its database and its copy of the notes.
demo_reset() {
  rm -rf "$DEMO_VAULT_COPY" db/demo.db db/demo.db-*
}
