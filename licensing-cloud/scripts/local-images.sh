#!/usr/bin/env bash
# Makes the base images docker-compose.yml needs, locally, for machines that reach Debian's archive
# and the npm registry but no container registry (NODE_IMAGE, POSTGRES_IMAGE, CADDY_IMAGE in .env):
#   licensing-cloud/scripts/local-images.sh [node|postgres|caddy|all]   (default all; docker or podman)
#   tavli-node:24       Node and npm from the npm registry (the platform package carries the
#                       official binary and its headers) on Debian bookworm
#   tavli-postgres:15   Debian's PostgreSQL, started the way the official image starts it
#   tavli-caddy:2       Debian's Caddy
# Every image trusts the certificate authorities this machine added to its own store (a
# TLS-inspecting egress proxy's), so that npm and apt work inside the builds as they do here.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
NODE_VERSION=${NODE_VERSION:-24.22.3}
NPM_VERSION=${NPM_VERSION:-11.21.3}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ENGINE=${CONTAINER_ENGINE:-docker}
PATH_ENV='ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# debian_image TAG PACKAGES [mmdebstrap options…] -- [import changes…]
debian_image() {
  local tag=$1 packages=$2
  shift 2
  local options=() changes=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  for change in "$@"; do changes+=(--change "$change"); done
  mmdebstrap --quiet --variant=minbase --include="ca-certificates${packages:+,$packages}" \
    --customize-hook='cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/" 2>/dev/null || true' \
    --customize-hook='chroot "$1" update-ca-certificates >/dev/null' \
    "${options[@]}" \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
    bookworm "$work/root.tar" "$MIRROR"
  "$ENGINE" import --change "$PATH_ENV" "${changes[@]}" "$work/root.tar" "$tag" >/dev/null
  rm -f "$work/root.tar"
  echo "made $tag"
}

node_image() {
  local arch
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;; esac
  (cd "$work" && npm pack --silent "node-linux-$arch@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  debian_image tavli-node:24 '' \
    --customize-hook="tar -xzf '$work/node-linux-$arch-$NODE_VERSION.tgz' -C \"\$1/usr/local\" --strip-components=1 package/bin package/include" \
    --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules/npm\" && tar -xzf '$work/npm-$NPM_VERSION.tgz' -C \"\$1/usr/local/lib/node_modules/npm\" --strip-components=1" \
    --customize-hook="ln -s ../lib/node_modules/npm/bin/npm-cli.js \"\$1/usr/local/bin/npm\" && ln -s ../lib/node_modules/npm/bin/npx-cli.js \"\$1/usr/local/bin/npx\"" \
    -- 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' 'CMD ["node"]'
}

postgres_image() {
  debian_image tavli-postgres:15 postgresql-15,postgresql-client-15 \
    --customize-hook="install -m 0755 '$here/../deploy/local-postgres-entrypoint.sh' \"\$1/usr/local/bin/docker-entrypoint.sh\"" \
    -- 'ENV PGDATA=/var/lib/postgresql/data' 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' 'EXPOSE 5432'
}

caddy_image() {
  debian_image tavli-caddy:2 caddy \
    -- 'ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data' 'CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]' 'EXPOSE 80 443'
}

case "${1:-all}" in
  node) node_image ;;
  postgres) postgres_image ;;
  caddy) caddy_image ;;
  all) node_image && postgres_image && caddy_image ;;
  *) echo "usage: $0 [node|postgres|caddy|all]" >&2; exit 2 ;;
esac
