#!/usr/bin/env bash
# Signs a release as an update bundle that `tavli update FILE` accepts (from a USB stick or the
# dashboard): a tar of the release tarball and its Ed25519 signature by the release key.
#   bash image/release/make-bundle.sh --key update-signing.key RELEASE_TARBALL [OUTPUT]
# OUTPUT defaults to the tarball's name with .tavli-update. The key never enters the repository:
# the release manager keeps it offline (image/README.md, "Release key").
set -euo pipefail
[ "${1:-}" = --key ] || { echo "usage: make-bundle.sh --key KEY RELEASE_TARBALL [OUTPUT]" >&2; exit 2; }
key=$2 release=$3
output=${4:-${release%-release.tar.gz}.tavli-update}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$release" "$work/release.tar.gz"
node "$here/release-signature.mjs" sign "$key" "$work/release.tar.gz" >"$work/release.tar.gz.sig"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-0}" -C "$work" -cf "$output" release.tar.gz release.tar.gz.sig
echo "$output"
