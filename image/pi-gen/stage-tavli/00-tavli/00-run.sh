#!/bin/bash -e
# pi-gen runs this on the build machine with ROOTFS_DIR set. It puts Tavli into the Raspberry Pi OS
# root with the same script every other build uses (image/rootfs/install-tavli.sh); TAVLI_RELEASE
# names the arm64 release tarball (image/release/build-release.sh --arch arm64).
image_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
: "${TAVLI_RELEASE:?set TAVLI_RELEASE to the arm64 release tarball}"
install -d "${ROOTFS_DIR}/tmp/tavli-install"
cp -a "${image_dir}/rootfs" "${image_dir}/keys" "${ROOTFS_DIR}/tmp/tavli-install/"
cp "${TAVLI_RELEASE}" "${ROOTFS_DIR}/tmp/tavli-install/release.tar.gz"
on_chroot <<'CHROOT'
sh /tmp/tavli-install/rootfs/install-tavli.sh /tmp/tavli-install/release.tar.gz
rm -rf /tmp/tavli-install
CHROOT
