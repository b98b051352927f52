#!/usr/bin/env bash
# The image's system check, as root (CI runs it after npm test): builds the amd64 root file system
# with the same install script as the Pi image, boots it with systemd-nspawn on a private network
# (nothing leaves the container), and checks what an installer relies on: the service and its
# hardening, its health URL, avahi, the backup timer, the setup wizard before and after setup,
# backup and restore, and a signed update with a rollback, data kept; a tampered or unsigned
# bundle is refused. It prints the figures: root size, build time, boot to healthy, idle RSS.
#   bash image/test/system-check.sh [--release TARBALL]    (exit 77: this machine cannot run it)
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in mmdebstrap systemd-nspawn nsenter; do command -v "$tool" >/dev/null || { echo "system check skipped: $tool is missing"; exit 77; }; done
[ "$(id -u)" -eq 0 ] || { echo "system check skipped: it needs root"; exit 77; }

work=$(mktemp -d /var/tmp/tavli-system-check.XXXXXX)
nspawn_pid=''
cleanup() {
  if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
    kill -TERM "$nspawn_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$nspawn_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
leader=''
fail() {
  echo "FAIL: $*" >&2
  if [ -n "$leader" ]; then nsenter -t "$leader" -m -u -i -n -p -- journalctl -u tavli.service -n 30 --no-pager >&2 || true; fi
  exit 1
}
pass() { echo "ok - $*"; }
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR

# A release key of the check's own: the image trusts it, so the check can sign updates.
node image/release/release-signature.mjs keygen "$work/keys" >/dev/null
build_started=$(date +%s)
if [ "${1:-}" = --release ]; then release=$(realpath "$2"); else release=$(bash image/release/build-release.sh --arch amd64 --output "$work/out" | tail -n 1); fi
bash image/build.sh --arch amd64 --rootfs-only --output "$work/out" --release "$release" --update-key "$work/keys/update-signing.pub" >"$work/build.log" 2>&1 ||
  { tail -n 40 "$work/build.log"; fail "the root file system did not build"; }
build_seconds=$(($(date +%s) - build_started))
rootfs=$(ls "$work"/out/tavli-*-amd64-rootfs.tar)
mkdir "$work/root"
tar --numeric-owner -xpf "$rootfs" -C "$work/root"
image_machine_id=$(cat "$work/root/etc/machine-id")

boot_started=$(date +%s%N)
systemd-nspawn -D "$work/root" --boot --register=no --keep-unit --private-network --machine=tavli-check >"$work/console.log" 2>&1 &
nspawn_pid=$!
# The container's init: nspawn's child once it has become systemd (an outer child comes and goes first).
for _ in $(seq 1 200); do
  for pid in $(pgrep -P "$nspawn_pid" || true); do [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = systemd ] && leader=$pid; done
  [ -n "$leader" ] && break
  sleep 0.1
done
[ -n "$leader" ] || fail "the container did not start"
inside() { nsenter -t "$leader" -m -u -i -n -p -- "$@"; }
node_inside=/opt/tavli/current/node/bin/node
# http METHOD PATH [FORM_JSON]: prints the status, a space and the body, from inside the container.
http() {
  inside "$node_inside" -e '
    const [method, path, form] = process.argv.slice(1);
    const body = form ? new URLSearchParams(JSON.parse(form)) : undefined;
    fetch(`http://127.0.0.1${path}`, { method, body, redirect: "manual", signal: AbortSignal.timeout(10000) })
      .then(async (r) => console.log(r.status, await r.text()), (e) => console.log(0, e.message));' "$@"
}

healthy_at=''
for _ in $(seq 1 600); do
  if [ "$(http GET /api/system/health | cut -d' ' -f1)" = 200 ]; then healthy_at=$(date +%s%N); break; fi
  sleep 0.1
done
[ -n "$healthy_at" ] || fail "the appliance never answered its health URL"
boot_ms=$(((healthy_at - boot_started) / 1000000))
pass "the appliance answers its health URL inside the container ($boot_ms ms from boot)"

inside systemctl is-system-running --wait >/dev/null 2>&1 || true
# active UNIT: waits up to 30 s for a unit to be active (timers start with timers.target, after the service may already answer).
active() { for _ in $(seq 1 300); do [ "$(inside systemctl is-active "$1")" = active ] && return 0; sleep 0.1; done; return 1; }
active tavli.service || fail "tavli.service is not active"
pass "tavli.service is active"
active avahi-daemon.service || fail "avahi-daemon is not running"
pass "avahi announces the appliance ($(inside hostname).local)"
timers=$(inside systemctl list-timers --all --no-pager)
active tavli-backup.timer && [[ $timers == *tavli-backup.timer* ]] || fail "the backup timer is not listed"
pass "the nightly backup timer is listed"
exposure=$(inside systemd-analyze security tavli.service --no-pager | sed -n 's/.*Overall exposure level for tavli.service: \([0-9.]*\).*/\1/p')
[ -n "$exposure" ] && awk "BEGIN { exit !($exposure <= 3.0) }" || fail "the unit's exposure is ${exposure:-unknown} (at most 3.0)"
pass "tavli.service's exposure score is $exposure (at most 3.0)"
[ -z "$(inside sh -c 'ls /etc/ssh/ssh_host_* 2>/dev/null')" ] || fail "the image carries SSH host keys"
[ "$(inside systemctl is-enabled ssh.service 2>/dev/null || true)" != enabled ] || fail "SSH is on by default"
pass "SSH is off and the image carries no host keys"
# systemd-nspawn gives the container a machine id of its own, so a container never has a first
# boot; that the card's first boot runs is checked in QEMU (image/test/arm64-check.sh).
[ "$image_machine_id" = uninitialized ] || fail "the image carries a machine id ($image_machine_id)"
[ "$(inside systemctl is-enabled tavli-first-boot.service)" = enabled ] || fail "the first boot's steps are not enabled"
pass "the image carries no machine id, and its first boot's steps are enabled"

# The setup wizard, before and after setup.
answer=$(http GET /setup/)
[ "${answer%% *}" = 200 ] || fail "the setup wizard does not answer before setup: ${answer:0:300}"
pass "the setup wizard answers before setup"
[[ $(http POST /setup/restaurant '{"name":"Ταβέρνα","language":"en","time_zone":"Europe/Athens"}') == "200 "* ]] || fail "setup: restaurant"
[[ $(http POST /setup/manager '{"full_name":"Μαρία","username":"maria","pin":"2468","pin_again":"2468"}') == "200 "* ]] || fail "setup: manager"
[[ $(http POST /setup/finish '{}') == *'Sign in to the dashboard as maria'* ]] || fail "setup: finish"
[ "$(http GET /setup/ | cut -d' ' -f1)" = 404 ] || fail "the setup wizard still answers after setup"
pass "after setup the wizard answers 404"
login() { inside "$node_inside" -e 'fetch("http://127.0.0.1/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "maria", pin: "2468" }) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))'; }
login || fail "the manager made in the setup cannot sign in"

main_pid=$(inside systemctl show -P MainPID tavli.service)
rss_kb=$(inside awk '/^VmRSS/ { print $2 }' "/proc/$main_pid/status")
total_kb=$(inside sh -c 'cat /proc/[0-9]*/status 2>/dev/null' | awk '/^VmRSS/ { s += $2 } END { print s }')

# Backups: one now, listed, then restored with the service stopped and started again.
backup=$(inside tavli backup | sed -n 's/^tavli: backup: //p')
[ -n "$backup" ] && inside test -f "$backup" || fail "tavli backup made no file"
[[ $(inside tavli backups) == *"$(basename "$backup")"* ]] || fail "tavli backups does not list $backup"
inside tavli restore "$backup" >/dev/null || fail "tavli restore failed"
for _ in $(seq 1 100); do [ "$(http GET /api/system/health | cut -d' ' -f1)" = 200 ] && break; sleep 0.1; done
login || fail "the manager cannot sign in after a restore"
pass "tavli backup, backups and restore (the manager still signs in)"

# Updates: this release renumbered 0.1.1-check and signed with the check's key; then a tampered
# copy, and one signed by another key, which must both be refused.
version=$(tar -xzOf "$release" --wildcards '*/VERSION')
mkdir "$work/next"
tar -xzf "$release" -C "$work/next"
mv "$work/next/tavli-$version" "$work/next/tavli-0.1.1-check"
echo 0.1.1-check >"$work/next/tavli-0.1.1-check/VERSION"
sed -i "s/\"version\": \"$version\"/\"version\": \"0.1.1-check\"/" "$work/next/tavli-0.1.1-check/app/appliance/package.json"
tar -czf "$work/next.tar.gz" -C "$work/next" tavli-0.1.1-check
bash image/release/make-bundle.sh --key "$work/keys/update-signing.key" "$work/next.tar.gz" "$work/root/var/tmp/next.tavli-update" >/dev/null
node image/release/release-signature.mjs keygen "$work/other-key" >/dev/null
bash image/release/make-bundle.sh --key "$work/other-key/update-signing.key" "$work/next.tar.gz" "$work/root/var/tmp/other.tavli-update" >/dev/null
mkdir "$work/tampered" && tar -xf "$work/root/var/tmp/next.tavli-update" -C "$work/tampered"
printf 'x' | dd of="$work/tampered/release.tar.gz" bs=1 seek=1000 conv=notrunc status=none
tar -cf "$work/root/var/tmp/tampered.tavli-update" -C "$work/tampered" release.tar.gz release.tar.gz.sig
health_version() { http GET /api/system/health | sed -n 's/.*"version":"\([^"]*\)".*/\1/p'; }
wait_healthy() { for _ in $(seq 1 300); do [ "$(http GET /api/system/health | cut -d' ' -f1)" = 200 ] && return 0; sleep 0.1; done; return 1; }
for refused in other tampered; do
  if inside tavli update "/var/tmp/$refused.tavli-update" >"$work/refused.log" 2>&1; then fail "a $refused bundle was installed"; fi
  grep -q 'not signed by Tavli' "$work/refused.log" || { cat "$work/refused.log"; fail "a $refused bundle was refused for the wrong reason"; }
done
[ "$(health_version)" = "$version" ] || fail "a refused bundle changed the running release"
pass "a bundle signed by another key, and a tampered one, are refused"
inside tavli update /var/tmp/next.tavli-update >/dev/null || fail "the signed bundle was not installed"
wait_healthy && [ "$(health_version)" = 0.1.1-check ] || fail "the appliance does not run 0.1.1-check after the update"
login || fail "the manager cannot sign in after the update"
[[ $(inside ls /var/lib/tavli/backups) == *before-update* ]] || fail "no backup was taken before the update"
inside tavli rollback >/dev/null || fail "tavli rollback failed"
wait_healthy && [ "$(health_version)" = "$version" ] || fail "the appliance does not run $version after the rollback"
login || fail "the manager cannot sign in after the rollback"
pass "a signed update to 0.1.1-check and a rollback to $version, backed up first, the data kept"

echo "figures: root file system $(du -h "$rootfs" | cut -f1) (installed $(du -sh "$work/root" | cut -f1)), built in ${build_seconds} s with the release;" \
  "boot to healthy ${boot_ms} ms (systemd-nspawn); idle RSS: appliance $((rss_kb / 1024)) MB, whole container $((total_kb / 1024)) MB"
