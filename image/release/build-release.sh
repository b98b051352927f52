#!/usr/bin/env bash
# Builds the appliance release for one architecture: the appliance with its production
# dependencies, the bundled Node (the current LTS, from the npm registry's platform package) and
# the `tavli` command, as DIR/tavli-<version>-<arch>-release.tar.gz. This tree is what the image
# installs in /opt/tavli/releases/<version>/, and what a signed update bundle carries.
#   bash image/release/build-release.sh --arch arm64|amd64 --output DIR
# better-sqlite3 is compiled against the bundled Node's own headers, for arm64 with Debian's
# cross compiler (g++-aarch64-linux-gnu); nothing is fetched from outside the npm registry.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=image/versions.sh
source image/versions.sh

arch=arm64 output=image/dist
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    *) echo "usage: build-release.sh [--arch arm64|amd64] [--output DIR]" >&2; exit 2 ;;
  esac
done
case "$arch" in
  arm64) node_cpu=arm64 cross=(CC=aarch64-linux-gnu-gcc CXX=aarch64-linux-gnu-g++ LINK=aarch64-linux-gnu-g++) ;;
  amd64) node_cpu=x64 cross=() ;;
  *) echo "unknown architecture $arch" >&2; exit 2 ;;
esac

version=$(node -p 'require("./appliance/package.json").version')
mkdir -p "$output"
output=$(cd "$output" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm run -s build -w packages/licensing-contract -w packages/server-kit -w appliance -w waiter-pwa -w manager-dashboard >/dev/null

release="$work/tavli-$version"
bash appliance/scripts/release-tree.sh "$release/app"
(cd "$work" && npm pack --silent "node-linux-$node_cpu@$NODE_VERSION" >/dev/null)
mkdir -p "$work/node" "$release/node/bin" "$release/bin"
tar -xzf "$work/node-linux-$node_cpu-$NODE_VERSION.tgz" -C "$work/node" --strip-components=1
cp "$work/node/bin/node" "$release/node/bin/node"
cp "$work/node/LICENSE" "$release/node/LICENSE" 2>/dev/null || true
install -m 0755 image/release/tavli "$release/bin/tavli"
install -m 0644 image/release/release-signature.mjs "$release/bin/verify-release.mjs"
printf '%s\n' "$version" >"$release/VERSION"
printf '%s\n' "$arch" >"$release/ARCH"

# The appliance's dependencies for the target: sharp's prebuilt package for that CPU, and
# better-sqlite3 built from source against the bundled Node's headers (npm_config_nodedir).
(
  cd "$release/app"
  env "${cross[@]}" npm_config_nodedir="$work/node" npm_config_arch="$node_cpu" npm_config_build_from_source=true \
    npm install --omit=dev --no-audit --no-fund --cpu="$node_cpu" --os=linux --libc=glibc >/dev/null
)
rm -rf "$release/app/node_modules/better-sqlite3/build/Release/obj" "$release/app/node_modules/better-sqlite3/build/Release/.deps" \
  "$release/app/node_modules/better-sqlite3/deps" "$release/app/node_modules/better-sqlite3/src"
[ "$arch" = amd64 ] && "$release/node/bin/node" -e 'new (require(process.argv[1]))(":memory:").prepare("select 1").get()' "$release/app/node_modules/better-sqlite3"

tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner -C "$work" -cf - "tavli-$version" |
  gzip -n >"$output/tavli-$version-$arch-release.tar.gz"
echo "$output/tavli-$version-$arch-release.tar.gz"
