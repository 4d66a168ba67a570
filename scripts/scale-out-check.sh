#!/usr/bin/env bash
# Two Opstap instances behind nginx behave as one (README, "Scaling out"; CI step "two instances behind nginx").
#
# Needs nginx, curl, node and the PostgreSQL server on 127.0.0.1:5432 (user postgres, trust; another with
# SCALE_OUT_POSTGRES=postgres://…). Makes its own database opstap_scale and drops it at the end, also on failure.
# Builds with `npm run build` and runs `node dist/server/main.js`, as production does (OPSTAP_SKIP_BUILD=1 uses
# dist/ as it is). The instances run in demo mode (http PUBLIC_URL, mail kept in the outbox) with the demo data
# loaded into PostgreSQL (`npm run seed -- --demo`), so the demo logins work without a second factor; everything
# else is set as in production: one database, the same TOTP_ENCRYPTION_KEY and PUBLIC_URL, TRUST_PROXY=nginx.
#
# Shows: a login made on instance 1 works on instance 2; a write on one is read on the other; stopping instance 1
# (SIGTERM) during a stream of writes through nginx loses no write that was answered 2xx, and no GET fails; nginx
# sends a GET that failed on one instance to the other, but never a POST that reached one.
set -euo pipefail
cd "$(dirname "$0")/.."

server=${SCALE_OUT_POSTGRES:-postgres://postgres@127.0.0.1:5432}
database=opstap_scale
work=$(mktemp -d /tmp/opstap-scale.XXXXXX)
started=$SECONDS
pids=()

log() { echo "[scale-out $((SECONDS - started)) s] $*"; }
fail() {
  echo "FAILED: $*" >&2
  exit 1
}

cleanup() {
  local code=$?
  trap - EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$code" -ne 0 ]; then
    for file in "$work"/*.log; do
      [ -s "$file" ] && { echo "--- $(basename "$file") (last lines)"; tail -n 15 "$file"; }
    done
  fi
  psql "$server/postgres" -q -c "drop database if exists $database with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in nginx curl psql node; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

free_port() {
  node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
lb_port=$(free_port)
port1=$(free_port)
port2=$(free_port)
[ "$lb_port" != "$port1" ] && [ "$lb_port" != "$port2" ] && [ "$port1" != "$port2" ] || fail "no three free ports"
public="http://127.0.0.1:$lb_port"
one="http://127.0.0.1:$port1"
two="http://127.0.0.1:$port2"

if [ "${OPSTAP_SKIP_BUILD:-}" != 1 ]; then
  log "npm run build"
  npm run build >"$work/build.log" 2>&1 || fail "npm run build"
fi
[ -f dist/server/main.js ] || fail "dist/server/main.js is missing: run npm run build"

log "database $database, demo data"
psql "$server/postgres" -q -v ON_ERROR_STOP=1 -c 'set client_min_messages = warning' \
  -c "drop database if exists $database with (force)" -c "create database $database" >/dev/null
key=$(node -e "console.log(require('node:crypto').randomBytes(32).toString('hex'))")
common=(
  DATABASE_URL="$server/$database" PUBLIC_URL="$public" TRUST_PROXY=127.0.0.1 TOTP_ENCRYPTION_KEY="$key"
  DATA_DIR="$work/data" HOST=127.0.0.1 LOG_LEVEL=warn
)
env "${common[@]}" npm run seed -- --demo >"$work/seed.log" 2>&1 || fail "npm run seed -- --demo"

wait_for() { # url pid name
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || fail "$3 stopped while starting"
    sleep 0.5
  done
  fail "$3 did not answer at $1"
}

log "two instances (ports $port1 and $port2) and nginx (port $lb_port)"
# Both at the same moment, as an orchestrator starts them: they migrate and set up the job queue together.
env "${common[@]}" PORT="$port1" node dist/server/main.js >"$work/instance1.log" 2>&1 &
pid1=$!
pids+=("$pid1")
env "${common[@]}" PORT="$port2" node dist/server/main.js >"$work/instance2.log" 2>&1 &
pid2=$!
pids+=("$pid2")
wait_for "$one/api/health" "$pid1" "instance 1"
wait_for "$two/api/health" "$pid2" "instance 2"
sed -e "s|@WORK@|$work|g" -e "s|@LISTEN@|127.0.0.1:$lb_port|" \
  -e "s|@APP1@|127.0.0.1:$port1|" -e "s|@APP2@|127.0.0.1:$port2|" scripts/nginx.conf.template >"$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log" -g 'daemon off;' &
nginx_pid=$!
pids+=("$nginx_pid")
wait_for "$public/api/health" "$nginx_pid" "nginx"

login() { # base cookie-jar email
  local out
  out=$(curl -s -w '\n%{http_code}' -c "$2" -H "origin: $public" -H 'content-type: application/json' \
    --data "{\"email\":\"$3\",\"password\":\"opstap-demo\"}" "$1/api/auth/login") || true
  [ "${out##*$'\n'}" = 200 ] || fail "login as $3 at $1: $out"
}
day=$(date -u -d yesterday +%F)
refer() { # base cookie-jar name → "status participantId"
  local out
  out=$(curl -s -m 20 -w '\n%{http_code}' -b "$2" -H "origin: $public" -H 'content-type: application/json' \
    --data "{\"name\":\"$3\",\"municipalityCode\":\"GM0344\",\"preferredLanguage\":\"ar\",\"referredOn\":\"$day\",\"referrerKind\":\"lead\",\"confirmNotDuplicate\":true}" \
    "$1/api/participants") || true
  echo "${out##*$'\n'} $(sed -n 's/.*"participantId":"\([0-9a-f-]*\)".*/\1/p' <<<"${out%$'\n'*}")"
}
read_file() { # base cookie-jar participantId → status
  curl -s -m 20 -o /dev/null -w '%{http_code}' -b "$2" "$1/api/participants/$3" || true
}

# 1. Sessions live in the database: a login on instance 1 is known to instance 2.
regional="$work/regional.cookies"
login "$one" "$regional" regional@demo.opstap.nl
me=$(curl -s -b "$regional" "$two/api/auth/me") || true
grep -q '"email":"regional@demo.opstap.nl"' <<<"$me" || fail "instance 2 does not know the session made on instance 1: $me"
log "ok: a login made on instance 1 works on instance 2"

# 2. A write on one instance is read on the other, both ways.
read -r status id <<<"$(refer "$one" "$regional" "Amira Scale-Out")"
[ "$status" = 201 ] || fail "a referral on instance 1 answered $status"
grep -q '"Amira Scale-Out"' <<<"$(curl -s -b "$regional" "$two/api/participants/$id")" ||
  fail "instance 2 does not show the participant written on instance 1"
read -r status id <<<"$(refer "$two" "$regional" "Bashir Scale-Out")"
[ "$status" = 201 ] || fail "a referral on instance 2 answered $status"
grep -q '"Bashir Scale-Out"' <<<"$(curl -s -b "$regional" "$one/api/participants/$id")" ||
  fail "instance 1 does not show the participant written on instance 2"
log "ok: a write on one instance is read on the other"

# 3. A stream of writes through nginx; instance 1 gets SIGTERM halfway. Every write answered 2xx must be there.
national="$work/national.cookies"
login "$public" "$national" national@demo.opstap.nl
writer() { # number writes
  local i status id
  for i in $(seq 1 "$2"); do
    read -r status id <<<"$(refer "$public" "$national" "Stroom $1-$i")"
    if [[ $status == 2* && -n $id ]]; then echo "$id" >>"$work/acked.$1"; else echo "$status" >>"$work/refused.$1"; fi
  done
}
reader() { # GETs through nginx until the writers are done
  while [ ! -e "$work/writers-done" ]; do
    curl -s -m 20 -o /dev/null -w '%{http_code}\n' -b "$national" "$public/api/auth/me" >>"$work/reads" || true
  done
}
count() { cat "$work"/"$1".* 2>/dev/null | wc -l || true; }
acked() { count acked; }
writers=()
per_writer=30
for n in 1 2 3 4; do
  writer "$n" "$per_writer" &
  writers+=("$!")
  pids+=("$!")
done
reader &
reader_pid=$!
pids+=("$reader_pid")
for _ in $(seq 1 600); do [ "$(acked)" -ge 30 ] && break; sleep 0.05; done
[ "$(acked)" -ge 30 ] || fail "the stream of writes through nginx did not get going"
kill -TERM "$pid1"
acked_at_stop=$(acked)
for _ in $(seq 1 300); do kill -0 "$pid1" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid1" 2>/dev/null && fail "instance 1 did not stop within 30 s of SIGTERM"
stop_code=0
wait "$pid1" || stop_code=$?
[ "$stop_code" = 0 ] || fail "instance 1 ended with exit code $stop_code after SIGTERM"
wait "${writers[@]}"
touch "$work/writers-done"
wait "$reader_pid"

total=$(acked)
refused=$(count refused)
[ "$total" -gt "$acked_at_stop" ] || fail "no write was answered after instance 1 stopped"
grep -q "^POST /api/participants 201 upstream=127.0.0.1:$port1\$" "$work/nginx-access.log" ||
  fail "nginx sent no write to instance 1 before it stopped"
grep -q "^POST /api/participants 201 upstream=127.0.0.1:$port2\$" "$work/nginx-access.log" ||
  fail "nginx sent no write to instance 2"
missing=0
while read -r id; do
  [ "$(read_file "$two" "$national" "$id")" = 200 ] || missing=$((missing + 1))
done < <(cat "$work"/acked.*)
[ "$missing" = 0 ] || fail "$missing of $total acknowledged writes are missing after instance 1 stopped"
reads=$(wc -l <"$work/reads")
failed_reads=$(grep -vc '^200$' "$work/reads" || true)
[ "$reads" -gt 0 ] && [ "$failed_reads" = 0 ] || fail "$failed_reads of $reads GETs through nginx failed during the stop"
retried=$(grep -c "upstream=127.0.0.1:$port1, 127.0.0.1:$port2" "$work/nginx-access.log" || true)
log "ok: SIGTERM to instance 1 after $acked_at_stop of $((4 * per_writer)) writes: $total answered 2xx and all readable on instance 2, $refused refused (allowed: not acknowledged); $reads GETs all 200; requests nginx moved to instance 2: $retried"

# 4. What nginx sends again: an instance address that takes a request and hangs up without answering.
node -e "
  const fs = require('node:fs'); let hits = 0;
  require('node:net').createServer((s) => { s.on('error', () => {}); s.once('data', () => { fs.writeFileSync('$work/hangup.count', String(++hits)); s.destroy(); }); })
    .listen($port1, '127.0.0.1', () => fs.writeFileSync('$work/hangup.count', '0'));" &
pids+=("$!")
for _ in $(seq 1 100); do [ -e "$work/hangup.count" ] && break; sleep 0.05; done
[ -e "$work/hangup.count" ] || fail "could not listen on port $port1 again"
forget_failures() { # new nginx workers start without the memory that port1 failed
  kill -HUP "$nginx_pid"
  sleep 1
}
probe() { # method → the status of the first request that reached port 1 (round robin: at most the second)
  local before status
  for _ in 1 2 3; do
    before=$(cat "$work/hangup.count")
    if [ "$1" = POST ]; then
      read -r status _ <<<"$(refer "$public" "$national" "Probe")"
    else
      status=$(curl -s -m 20 -o /dev/null -w '%{http_code}' -b "$national" "$public/api/auth/me" || true)
    fi
    [ "$(cat "$work/hangup.count")" != "$before" ] && {
      echo "$status"
      return
    }
  done
  echo none
}
forget_failures
post_status=$(probe POST)
[ "$post_status" = 502 ] ||
  fail "a POST that reached an instance which hung up was answered $post_status: nginx must not send it again (502)"
forget_failures
get_status=$(probe GET)
[ "$get_status" = 200 ] || fail "a GET that reached an instance which hung up was answered $get_status, not retried"
moved_get() { grep -q "^GET /api/auth/me 200 upstream=127.0.0.1:$port1, 127.0.0.1:$port2\$" <<<"$(tail -n 1 "$work/nginx-access.log")"; }
for _ in $(seq 1 20); do moved_get && break; sleep 0.1; done
moved_get || fail "nginx's log does not show the GET going to instance 2 after instance 1 hung up"
log "ok: nginx sends a failed GET to the other instance (200), never a POST that reached one (502)"

log "passed in $((SECONDS - started)) s"
