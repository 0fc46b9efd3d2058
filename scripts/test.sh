#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with the .NET SDK:
#  - installs PostgreSQL and Chromium from Debian's packages when they are missing,
#  - starts a throwaway PostgreSQL (own data directory and port) unless WORKERSHOME_TEST_PG is set,
#  - runs the build gates (warnings as errors, dotnet format) and every test project,
#  - prints "N passed, N failed" and removes everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d /tmp/workershome-test.XXXXXX)
chmod 755 "$WORK"
PG_DATA=""
PG_BIN=""

as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  if [ -n "$PG_DATA" ]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  rm -rf "${TMPDIR:-/tmp}/workershome-test-files"
}
trap cleanup EXIT

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
if [ -z "${WORKERSHOME_TEST_PG:-}" ] && [ -z "$(find_pg_bin)" ]; then missing+=(postgresql); fi
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium fonts-noto-cjk); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian's packages: ${missing[*]}"
  SUDO=""; if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -z "${WORKERSHOME_TEST_PG:-}" ]; then
  PG_BIN=$(find_pg_bin)
  PG_DATA="$WORK/pg/data"
  mkdir -p "$WORK/pg"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK/pg"; fi
  PORT=$(( 20000 + RANDOM % 20000 ))
  while (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$(( PORT + 1 )); done
  as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # A throwaway server: durability settings off for speed, enough connections for parallel test classes.
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w start \
    -o "-p $PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
  export WORKERSHOME_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Include Error Detail=true"
  echo "Throwaway PostgreSQL on port $PORT"
fi
export WORKERSHOME_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore >/dev/null
dotnet build WorkersHome.slnx -c Release -nologo -clp:ErrorsOnly
echo "Checking formatting (dotnet format --verify-no-changes)"
dotnet format WorkersHome.slnx --verify-no-changes --no-restore

status=0
for project in tests/*/; do
  name=$(basename "$project")
  if [ ! -f "$project/$name.csproj" ] || ! grep -q "<IsTestProject>true" "$project/$name.csproj"; then continue; fi
  echo "Running $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$WORK/results" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$WORK"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(( passed + $(value passed) ))
  failed=$(( failed + $(value failed) ))
  skipped=$(( skipped + $(value notExecuted) ))
done
if [ "$passed" -eq 0 ]; then status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
