#!/usr/bin/env bash
# The arm64 image's check, as root (slow, not in CI): builds the full SD-card image, reads its
# partition table back (a FAT boot partition with the firmware and kernel, an ext4 root), runs the
# image's own Node under qemu-user, and boots the image in qemu-system-aarch64 -M virt with its own
# kernel and initrd and user-mode networking forwarded from 127.0.0.1 only, until the appliance's
# health URL answers. It prints the image's sizes, the build time and the boot time.
#   bash image/test/arm64-check.sh [--image IMG.XZ]     (needs qemu-system-arm, qemu-user-static)
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d /var/tmp/tavli-arm64-check.XXXXXX)
qemu_pid='' binfmt_mounted=false
cleanup() {
  [ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null || true
  [ "$binfmt_mounted" = true ] && umount /proc/sys/fs/binfmt_misc 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/console.log" ] && tail -n 30 "$work/console.log" >&2; exit 1; }
pass() { echo "ok - $*"; }

# arm64 programs run under qemu-user through binfmt_misc (mounted here if it is not yet).
if [ "$(uname -m)" != aarch64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc && binfmt_mounted=true; fi
  update-binfmts --enable qemu-aarch64
fi

build_started=$(date +%s)
build_log=''
if [ "${1:-}" = --image ]; then image=$(realpath "$2"); else
  build_log=$work/build.log
  bash image/build.sh --arch arm64 --output "$work/out" | tee "$work/build.log" | tail -n 1
  image=$(ls "$work"/out/tavli-*-arm64.img.xz)
fi
build_seconds=$(($(date +%s) - build_started))
(cd "$(dirname "$image")" && sha256sum -c "$(basename "$image").sha256" >/dev/null) || fail "the image's SHA-256 does not match"
pass "the image and its SHA-256 agree"
xz -dc "$image" >"$work/tavli.img"
raw_size=$(du -h --apparent-size "$work/tavli.img" | cut -f1)

# The partition table: 1, FAT (0x0c, bootable) with the firmware and the kernel; 2, Linux (ext4).
table=$(sfdisk --json "$work/tavli.img")
boot_start=$(echo "$table" | node -e 'const t = JSON.parse(require("fs").readFileSync(0, "utf8")).partitiontable; const [b, r] = t.partitions; if (b.type !== "c" || !b.bootable || r.type !== "83") process.exit(1); console.log(b.start * 512, r.start * 512)') ||
  fail "the partition table is not FAT boot + Linux root: $table"
read -r boot_offset root_offset <<<"$boot_start"
boot_files=$(mdir -b -i "$work/tavli.img@@$boot_offset" ::/)
for file in start4.elf fixup4.dat config.txt cmdline.txt bcm2711-rpi-4-b.dtb; do [[ $boot_files == *"/$file"* ]] || fail "the boot partition lacks $file"; done
kernel=$(echo "$boot_files" | sed -n 's#^::/\(vmlinuz-[^ ]*\)$#\1#p' | head -n 1)
initrd=$(echo "$boot_files" | sed -n 's#^::/\(initrd.img-[^ ]*\)$#\1#p' | head -n 1)
[ -n "$kernel" ] && [ -n "$initrd" ] || fail "the boot partition has no kernel or initrd"
[[ $(mtype -i "$work/tavli.img@@$boot_offset" ::/cmdline.txt) == *root=LABEL=TAVLI_ROOT* ]] || fail "cmdline.txt does not name the root by its label"
debugfs -R 'stats' "$work/tavli.img?offset=$root_offset" 2>/dev/null | grep -q 'Filesystem volume name:   TAVLI_ROOT' || fail "the root partition is not the ext4 TAVLI_ROOT"
pass "partitions: FAT boot ($kernel, $initrd, firmware, device trees) and ext4 root TAVLI_ROOT"

# The image's Node, run under qemu-user with the cross compiler's arm64 C and C++ libraries.
release_dir=$(debugfs -R 'ls -p /opt/tavli/releases' "$work/tavli.img?offset=$root_offset" 2>/dev/null | awk -F/ '$6 ~ /^[0-9]/ { print $6; exit }')
debugfs -R "dump /opt/tavli/releases/$release_dir/node/bin/node $work/node" "$work/tavli.img?offset=$root_offset" 2>/dev/null
chmod +x "$work/node"
node_version=$(qemu-aarch64-static -L /usr/aarch64-linux-gnu "$work/node" --version 2>/dev/null || true)
[[ $node_version == v24.* ]] || fail "the image's Node does not run under qemu-user (got '$node_version')"
pass "the image's Node (release $release_dir) runs under qemu-user: $node_version"

# Boot it: the image's own kernel and initrd on QEMU's virt machine, the card as a virtio disk one
# gigabyte larger than the image (the first boot grows the root into it).
mcopy -i "$work/tavli.img@@$boot_offset" "::/$kernel" "$work/vmlinuz"
mcopy -i "$work/tavli.img@@$boot_offset" "::/$initrd" "$work/initrd"
truncate -s +1G "$work/tavli.img"
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
boot_started=$(date +%s)
qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 1024 -nographic -no-reboot \
  -kernel "$work/vmlinuz" -initrd "$work/initrd" -append 'root=LABEL=TAVLI_ROOT rw rootfstype=ext4 rootwait net.ifnames=0 console=ttyAMA0 panic=10' \
  -drive "file=$work/tavli.img,if=virtio,format=raw" \
  -netdev "user,id=lan,restrict=off,hostfwd=tcp:127.0.0.1:$port-:80" -device virtio-net-pci,netdev=lan \
  >"$work/console.log" 2>&1 </dev/null &
qemu_pid=$!
healthy=false
for _ in $(seq 1 720); do
  kill -0 "$qemu_pid" 2>/dev/null || fail "QEMU stopped"
  if node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(3000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$port/api/system/health"; then healthy=true; break; fi
  sleep 5
done
[ "$healthy" = true ] || fail "the appliance did not answer its health URL within an hour of emulated boot"
boot_seconds=$(($(date +%s) - boot_started))
pass "booted in QEMU (virt, software emulation): the health URL answers after $boot_seconds s"
for _ in $(seq 1 60); do grep -q 'EXT4-fs (vda2): resized filesystem' "$work/console.log" && break; sleep 2; done
grep -q 'Detected first boot' "$work/console.log" && grep -q 'EXT4-fs (vda2): resized filesystem' "$work/console.log" || fail "the first boot did not grow the root to the card"
grep -q 'Failed to populate /etc with preset' "$work/console.log" && fail "the first boot could not apply the presets"
pass "the first boot grew the root to the card"
cp "$work/console.log" "${ARM64_CHECK_CONSOLE:-/dev/null}"

echo "figures: image $(du -h "$image" | cut -f1) compressed, ${raw_size} on the card before it grows;" \
  "$([ -n "$build_log" ] && echo "built in ${build_seconds} s; ")boot to healthy ${boot_seconds} s under software emulation"
