#!/usr/bin/env bash
# Assembles the SD-card image from a finished arm64 root directory (image/build.sh calls it):
#   bash image/disk/assemble.sh ROOT OUTDIR VERSION      → OUTDIR/tavli.img
# The boot partition is the root's /boot/firmware (Debian's raspi-firmware fills it), with the
# kernel command line pointed at the root by its label; the root partition is sized to its
# content plus room for the first boot, and grows to the card on that boot.
set -euo pipefail
root=$1 out=$2 version=$3
here=$(cd "$(dirname "$0")" && pwd)
: "${SOURCE_DATE_EPOCH:?}"

firmware="$root/boot/firmware"
[ -f "$firmware/config.txt" ] && ls "$firmware"/vmlinuz-* >/dev/null 2>&1 || { echo "no kernel in $firmware (raspi-firmware did not run?)" >&2; exit 1; }
# raspi-firmware wrote cmdline.txt with the build machine's root device (it ran in a chroot).
sed -i -E 's#root=[^ ]+#root=LABEL=TAVLI_ROOT#' "$firmware/cmdline.txt"
grep -q 'root=LABEL=TAVLI_ROOT' "$firmware/cmdline.txt" || echo "root=LABEL=TAVLI_ROOT rootwait $(cat "$firmware/cmdline.txt")" >"$firmware/cmdline.txt"
echo "tavli-$version" >"$firmware/tavli-version.txt"

# The same bytes from the same commit: every file dated the commit, no newer.
find "$root" -newermt "@$SOURCE_DATE_EPOCH" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

root_mb=$(du -sm --exclude=./boot/firmware "$root" | cut -f1)
mkdir -p "$out"
sed "s/@ROOT_SIZE@/$((root_mb * 5 / 4 + 256))M/" "$here/genimage.cfg.in" >"$out/genimage.cfg"
rm -rf "$out/tmp"
E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH genimage --rootpath "$root" --tmppath "$out/tmp" --inputpath "$out" --outputpath "$out" --config "$out/genimage.cfg" >"$out/genimage.log" 2>&1 ||
  { tail -n 30 "$out/genimage.log" >&2; exit 1; }
rm -rf "$out/tmp" "$out/boot.vfat" "$out/root.ext4"
