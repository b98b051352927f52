#!/usr/bin/env bash
# Builds Tavli's SD-card image from the repository and Debian's archive, as root, with no loop
# device and no mount (it builds inside a container or CI too):
#   bash image/build.sh [--arch arm64|amd64] [--output DIR] [--rootfs-only] [--release TARBALL] [--update-key PUB]
# arm64 (the default): DIR/tavli-<version>-arm64.img.xz for a Raspberry Pi 4 or 5, with its
# SHA-256 in .sha256; --rootfs-only writes the finished root as DIR/tavli-<version>-<arch>-rootfs.tar
# instead (what image/test/system-check.sh boots). amd64 is built as a root file system only: a
# mini-PC gets Debian from its own installer and then image/rootfs/install-tavli.sh (image/README.md).
# Needs: mmdebstrap, genimage, dosfstools, mtools, e2fsprogs, xz-utils, and for arm64 on another
# machine qemu-user-static with binfmt_misc and g++-aarch64-linux-gnu (image/README.md lists the line).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=image/versions.sh
source image/versions.sh

arch=arm64 output=image/dist rootfs_only=false release='' update_key=${UPDATE_SIGNING_PUBLIC_KEY:-image/keys/update-signing.pub}
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    --rootfs-only) rootfs_only=true; shift ;;
    --release) release=$(realpath "$2"); shift 2 ;;
    --update-key) update_key=$2; shift 2 ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
  esac
done
case "$arch" in arm64 | amd64) ;; *) echo "unknown architecture $arch" >&2; exit 2 ;; esac
if [ "$arch" = amd64 ] && [ "$rootfs_only" = false ]; then
  echo "amd64 is built with --rootfs-only: a mini-PC installs Debian, then image/rootfs/install-tavli.sh (image/README.md)" >&2
  exit 2
fi

started=$(date +%s)
version=$(node -p 'require("./appliance/package.json").version')
mkdir -p "$output"
output=$(cd "$output" && pwd)
work=$(mktemp -d /var/tmp/tavli-image.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ -z "$release" ]; then release=$(bash image/release/build-release.sh --arch "$arch" --output "$work" | tail -n 1); fi
mkdir -p "$work/install/keys"
cp -a image/rootfs "$work/install/rootfs"
cp "$update_key" "$work/install/keys/update-signing.pub"
cp "$release" "$work/install/release.tar.gz"

packages=systemd,systemd-sysv,systemd-timesyncd,systemd-resolved,avahi-daemon,libnss-mdns,dbus,ca-certificates,openssh-server,sudo,cloud-guest-utils,e2fsprogs,fdisk,iproute2,kmod,udev,procps,xz-utils,less
[ "$arch" = arm64 ] && packages="$packages,raspi-firmware,linux-image-arm64,firmware-brcm80211,initramfs-tools"

# The Raspberry Pi's boot files go to the FAT partition; everything else is the ext4 root. The
# initramfs holds only the drivers a Pi 4 (SD card or USB disk) and a QEMU virt machine boot from:
# built under qemu-user, the default (every module) would take most of the build's time.
boot_hook=true
[ "$arch" = arm64 ] && boot_hook='mkdir -p "$1/boot/firmware" "$1/etc/initramfs-tools/conf.d" "$1/usr/share/initramfs-tools/modules.d"
  echo MODULES=list >"$1/etc/initramfs-tools/conf.d/tavli"
  cp image/disk/initramfs-modules "$1/usr/share/initramfs-tools/modules.d/tavli"'
target="$work/root"
[ "$rootfs_only" = true ] && target="$output/tavli-$version-$arch-rootfs.tar"
# mmdebstrap's own clean-up would empty /etc/machine-id; "uninitialized" (install-tavli.sh) is what
# makes the card's first boot a first boot, so the last hook removes what that clean-up would.
mmdebstrap --quiet --variant=minbase --architectures="$arch" --components=main,non-free-firmware --skip=cleanup/reproducible \
  --include="$packages" \
  --setup-hook="$boot_hook" \
  --customize-hook="cp -a '$work/install' \"\$1/tmp/tavli-install\"" \
  --customize-hook='chroot "$1" sh /tmp/tavli-install/rootfs/install-tavli.sh /tmp/tavli-install/release.tar.gz' \
  --customize-hook='install -m 0644 "$1/tmp/tavli-install/rootfs/files/network/20-wired.network" "$1/etc/systemd/network/20-wired.network"' \
  --customize-hook='chroot "$1" systemctl enable systemd-networkd.service systemd-resolved.service' \
  --customize-hook='printf "LABEL=TAVLI_ROOT / ext4 defaults,noatime 0 1\nLABEL=TAVLI_BOOT /boot/firmware vfat ro,noatime,umask=0077 0 2\n" >"$1/etc/fstab"' \
  --customize-hook='rm -rf "$1/tmp/tavli-install" "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log "$1/var/log/apt"/* "$1/var/cache/ldconfig/aux-cache"' \
  "$DEBIAN_SUITE" "$target" "$DEBIAN_MIRROR"

if [ "$rootfs_only" = true ]; then
  sha256sum "$target" | sed "s#$output/##" >"$target.sha256"
  echo "$target ($(du -h "$target" | cut -f1), built in $(($(date +%s) - started)) s)"
  exit 0
fi

bash image/disk/assemble.sh "$work/root" "$work/disk" "$version"
image="$output/tavli-$version-$arch.img.xz"
xz -T0 -6 --stdout "$work/disk/tavli.img" >"$image"
(cd "$output" && sha256sum "$(basename "$image")" >"$(basename "$image").sha256")
echo "$image ($(du -h "$image" | cut -f1) compressed, $(du -h --apparent-size "$work/disk/tavli.img" | cut -f1) on the card; built in $(($(date +%s) - started)) s)"
