#!/usr/bin/env bash
# Copies what the appliance runs (already built: packages, appliance/dist, the two apps' dist) into
# DEST as a workspace of its own whose only dependencies are the appliance's production ones, ready
# for `npm install --omit=dev` there. Used by appliance/Dockerfile and by the Pi image's release
# (image/release/build-release.sh).
#   bash appliance/scripts/release-tree.sh DEST      (from the repository root)
set -euo pipefail
dest=${1:?usage: release-tree.sh DEST}

mkdir -p "$dest/packages" "$dest/appliance" "$dest/waiter-pwa" "$dest/manager-dashboard"
cp package.json package-lock.json "$dest/"
cp -a packages/licensing-contract packages/server-kit "$dest/packages/"
rm -rf "$dest"/packages/*/src "$dest"/packages/*/node_modules
cp -a appliance/package.json appliance/dist appliance/fixtures "$dest/appliance/"
cp -a waiter-pwa/dist "$dest/waiter-pwa/"
cp -a manager-dashboard/dist "$dest/manager-dashboard/"
node packages/server-kit/scripts/production-workspace.mjs "$dest" packages/licensing-contract packages/server-kit appliance
