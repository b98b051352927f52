#!/usr/bin/env bash
# The licensing cloud scaled out in containers, end to end, on this machine only (the proxy is
# published on 127.0.0.1; the cloud and PostgreSQL sit on an internal network):
#   licensing-cloud/scripts/scale-out.sh        (as root; about 15 minutes the first time)
# 1. uses the engine at DOCKER_HOST if one answers, else starts Debian's dockerd by hand;
# 2. makes the base images locally (scripts/local-images.sh) and builds the cloud's image;
# 3. `up --scale cloud=2`; HTTP must redirect to HTTPS, which carries HSTS; registers 10 sites through the proxy and sends 1,000 heartbeats for
#    them at once: every site's licence numbers must be unique and gap-free, and both replicas
#    must have answered some;
# 4. `down` and `up` again: the sites are still there;
# 5. a backup, restored into a fresh database, holds the same sites;
# 6. reports image sizes, cold start to healthy, and heartbeats/s with 1 and with 2 replicas.
# Whatever happens, it removes what it made: containers, volumes, networks and, when it started
# the engine, the engine, its bridge and its firewall tables. Exit 77: no engine could be started.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
run=$(mktemp -d /tmp/tavli-scale-out.XXXXXX)
project=tavli-scale-out
started_engine=
tables_before=

log() { printf '\n== %s\n' "$*"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
compose() { docker-compose -p "$project" -f "$root/docker-compose.yml" --project-directory "$root" --env-file "$run/env" "$@"; }

cleanup() {
  set +e
  [ -f "$run/env" ] && compose down --volumes --remove-orphans >/dev/null 2>&1
  if [ -n "$started_engine" ]; then
    kill "$(cat "$run/docker.pid")" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$(cat "$run/docker.pid")" 2>/dev/null || break; sleep 0.2; done
    ip link delete docker0 2>/dev/null
    for table in $(nft list tables 2>/dev/null | awk '{print $2 "/" $3}'); do
      grep -qx "$table" <<<"$tables_before" || nft delete table "${table%/*}" "${table#*/}" 2>/dev/null
    done
  fi
  rm -rf "$run"
}
trap cleanup EXIT

start_engine() {
  if docker info >/dev/null 2>&1; then return; fi
  command -v dockerd >/dev/null && command -v docker-compose >/dev/null && command -v mmdebstrap >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose mmdebstrap >/dev/null; }
  tables_before=$(nft list tables 2>/dev/null | awk '{print $2 "/" $3}')
  dockerd --data-root "$run/docker" --exec-root "$run/docker-exec" --pidfile "$run/docker.pid" -H "unix://$run/docker.sock" >"$run/dockerd.log" 2>&1 &
  started_engine=1
  export DOCKER_HOST="unix://$run/docker.sock"
  for _ in $(seq 100); do docker info >/dev/null 2>&1 && return; sleep 0.2; done
  tail -5 "$run/dockerd.log" >&2
  echo "no container engine can be started here: the scale-out check is skipped" >&2
  exit 77
}

wait_healthy() {
  local deadline=$((SECONDS + 180))
  until curl -fsS --cacert "$run/caddy-root.crt" --resolve "localhost:$https_port:127.0.0.1" "https://localhost:$https_port/health" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { compose logs --tail 50 >&2; echo "the cloud did not become healthy" >&2; exit 1; }
    # Caddy makes its local CA on first start; read it once it is there.
    compose exec -T proxy cat /data/caddy/pki/authorities/local/root.crt >"$run/caddy-root.crt" 2>/dev/null || true
    sleep 0.5
  done
}

# Replicas that answered heartbeats, each with its count, from their own metrics (internal network).
replica_counts() {
  local id
  for id in $(compose ps -q cloud); do
    docker exec "$id" node -e "fetch('http://127.0.0.1:9464/metrics').then((r) => r.text()).then((t) => console.log((t.match(/^tavli_heartbeats_total\{result=\"issued\"\} (\d+)/m) || [0, 0])[1]))"
  done
}

heartbeats() { NODE_EXTRA_CA_CERTS="$run/caddy-root.crt" ADMIN_USERNAME=admin ADMIN_PASSWORD=$admin_password "$root/node_modules/.bin/tsx" "$root/licensing-cloud/scripts/scale-out/heartbeats.ts" "$@"; }

log "container engine"
start_engine
docker version --format 'engine {{.Server.Version}}'

log "base images (made locally) and the cloud's image"
for image in node:tavli-node:24 postgres:tavli-postgres:15 caddy:tavli-caddy:2; do
  docker image inspect "${image#*:}" >/dev/null 2>&1 || bash "$root/licensing-cloud/scripts/local-images.sh" "${image%%:*}"
done
http_port=$(free_port)
https_port=$(free_port)
admin_password=$(openssl rand -hex 16)
signing_key=$(openssl genpkey -algorithm ed25519 | awk 'BEGIN { ORS = "\\n" } 1')
cat >"$run/env" <<ENV
CLOUD_DOMAIN=localhost
HTTP_BIND=127.0.0.1
HTTPS_BIND=127.0.0.1
HTTP_PORT=$http_port
HTTPS_PORT=$https_port
ADMIN_USERNAME=admin
ADMIN_PASSWORD=$admin_password
POSTGRES_PASSWORD=$(openssl rand -hex 16)
LICENSE_SIGNING_KEY=$signing_key
HEARTBEATS_PER_MINUTE_PER_SITE=100000
HEARTBEATS_PER_MINUTE_PER_ADDRESS=100000
NODE_IMAGE=tavli-node:24
POSTGRES_IMAGE=tavli-postgres:15
CADDY_IMAGE=tavli-caddy:2
TAVLI_VERSION=scale-out
ENV
build_started=$SECONDS
compose build cloud
build_seconds=$((SECONDS - build_started))

log "up with two cloud replicas"
up_started=$SECONDS
compose up -d --scale cloud=2
wait_healthy
cold_start=$((SECONDS - up_started))
echo "healthy through the proxy after ${cold_start} s"

log "the proxy sends HTTP to HTTPS and answers with HSTS"
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --resolve "localhost:$http_port:127.0.0.1" "http://localhost:$http_port/admin/")
[[ "$redirect" =~ ^30[178]\ https://localhost ]] || { echo "HTTP was answered '$redirect', not a redirect to HTTPS" >&2; exit 1; }
curl -fsSI --cacert "$run/caddy-root.crt" --resolve "localhost:$https_port:127.0.0.1" "https://localhost:$https_port/health" | grep -qi '^strict-transport-security: max-age=' ||
  { echo "no Strict-Transport-Security header over HTTPS" >&2; exit 1; }
echo "HTTP: $redirect; HTTPS: Strict-Transport-Security"

log "1,000 heartbeats for 10 sites, at once, through the proxy"
heartbeats beat "https://localhost:$https_port" --sites 10 --heartbeats 1000
counts=$(replica_counts)
echo "heartbeats issued per replica: $(echo $counts)"
for count in $counts; do [ "$count" -gt 0 ] || { echo "a replica answered no heartbeat: the proxy did not spread them" >&2; exit 1; }; done

log "down and up again: the data stays"
compose down
compose up -d --scale cloud=2
wait_healthy
sites=$(heartbeats count-sites "https://localhost:$https_port")
[ "$sites" -eq 10 ] || { echo "after down/up the cloud has $sites sites, not 10" >&2; exit 1; }
echo "10 sites after down/up"

log "a backup restores into a fresh database with the same sites"
dump=$(compose exec -T backup bash /usr/local/bin/tavli-backup now | tr -d '\r')
compose exec -T backup createdb tavli_restored
compose exec -T backup bash /usr/local/bin/tavli-backup restore "$dump" tavli_restored
restored=$(compose exec -T backup psql -d tavli_restored -Atc 'SELECT count(*) FROM sites' | tr -d '\r')
[ "$restored" -eq 10 ] || { echo "the restored database has $restored sites, not 10" >&2; exit 1; }
echo "$dump restores with 10 sites"

log "heartbeats/s through the proxy on PostgreSQL (5,000 heartbeats, 64 at a time)"
rates=()
for replicas in 1 2; do
  compose up -d --scale cloud=$replicas
  sleep 6 # Caddy's view of the replicas refreshes every 5 s
  wait_healthy
  rate=$(heartbeats beat "https://localhost:$https_port" --sites 50 --heartbeats 5000 --concurrency 64 | tail -1)
  rates+=("$replicas replica(s): $rate")
done

log "report"
echo "image tavli-cloud: $(docker image inspect "tavli-cloud:scale-out" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}') (base tavli-node:24 $(docker image inspect tavli-node:24 --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}')); built in ${build_seconds} s"
echo "cold start to healthy (up --scale cloud=2, through the proxy): ${cold_start} s"
printf 'heartbeats/s, %s\n' "${rates[@]}"
