#!/usr/bin/env bash
# Makes a Debian-based Node image locally, for machines that reach Debian's archive and the npm
# registry but no container registry: mmdebstrap for the root, Node and npm from the npm registry
# (the registry's platform package carries the official binary and its headers). The image trusts
# the certificate authorities this machine added to its own store (a TLS-inspecting egress proxy's).
#   licensing-cloud/scripts/node-base-image.sh [TAG]    (default tavli-node:24; docker or podman)
set -euo pipefail

TAG=${1:-tavli-node:24}
NODE_VERSION=${NODE_VERSION:-24.22.3}
NPM_VERSION=${NPM_VERSION:-11.21.3}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ENGINE=${CONTAINER_ENGINE:-docker}
case "$(uname -m)" in x86_64) NODE_ARCH=x64 ;; aarch64) NODE_ARCH=arm64 ;; *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-$NODE_ARCH@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)

# The Node and npm tarballs go in through a hook, so the root is built and filled in one pass.
mmdebstrap --variant=minbase --include=ca-certificates \
  --customize-hook="tar -xzf '$work/node-linux-$NODE_ARCH-$NODE_VERSION.tgz' -C \"\$1/usr/local\" --strip-components=1 package/bin package/include" \
  --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules/npm\" && tar -xzf '$work/npm-$NPM_VERSION.tgz' -C \"\$1/usr/local/lib/node_modules/npm\" --strip-components=1" \
  --customize-hook="ln -s ../lib/node_modules/npm/bin/npm-cli.js \"\$1/usr/local/bin/npm\" && ln -s ../lib/node_modules/npm/bin/npx-cli.js \"\$1/usr/local/bin/npx\"" \
  --customize-hook='cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/" 2>/dev/null || true' \
  --customize-hook='chroot "$1" update-ca-certificates >/dev/null' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
  bookworm "$work/root.tar" "$MIRROR"

"$ENGINE" import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' --change 'CMD ["node"]' "$work/root.tar" "$TAG" >/dev/null
echo "$TAG: Node $NODE_VERSION, npm $NPM_VERSION on Debian bookworm"
