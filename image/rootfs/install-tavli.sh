#!/bin/sh
# Puts Tavli into a Debian-based root file system (bookworm or later; arm64 or amd64). Run it as
# root inside the root being built (a chroot, mmdebstrap's customize hook, a pi-gen stage, or a
# running mini-PC), with the release the image is to carry:
#   sh install-tavli.sh /path/to/tavli-<version>-<arch>-release.tar.gz
# It installs the few Debian packages the appliance needs, the release under /opt/tavli, the
# service user and its hardened units, the name tavli.local (avahi), the nightly backup, the health
# watchdog and the first-boot steps; it leaves no secret and no machine identity in the root.
set -eu

release_tar=${1:?usage: install-tavli.sh RELEASE_TARBALL}
here=$(cd "$(dirname "$0")" && pwd)
files="$here/files"
PACKAGES="systemd systemd-sysv systemd-timesyncd avahi-daemon libnss-mdns dbus ca-certificates openssh-server sudo cloud-guest-utils e2fsprogs fdisk iproute2 kmod udev procps"

missing=""
for package in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $package"
done
if [ -n "$missing" ]; then
  apt-get update
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

# The service's own user, and the installer's (no password: it signs in over SSH with a key, once the setup turns SSH on).
getent group tavli >/dev/null || groupadd --system tavli
getent passwd tavli >/dev/null || useradd --system --gid tavli --home-dir /var/lib/tavli --no-create-home --shell /usr/sbin/nologin tavli
getent passwd tavli-admin >/dev/null || useradd --create-home --shell /bin/bash --groups sudo tavli-admin
usermod --lock tavli-admin
install -m 0440 "$files/sudoers/tavli-admin" /etc/sudoers.d/tavli-admin

# The release: /opt/tavli/releases/<version>, /opt/tavli/current pointing at it (an update adds
# another release beside it and moves the link; the one before stays for `tavli rollback`).
mkdir -p /opt/tavli/releases
version=$(tar -xzOf "$release_tar" --wildcards '*/VERSION')
rm -rf "/opt/tavli/releases/$version"
tar -xzf "$release_tar" -C /opt/tavli/releases --no-same-owner
mv "/opt/tavli/releases/tavli-$version" "/opt/tavli/releases/$version" 2>/dev/null || true
ln -sfn "releases/$version" /opt/tavli/current
ln -sfn /opt/tavli/current/bin/tavli /usr/local/bin/tavli
install -m 0644 "$here/../keys/update-signing.pub" /opt/tavli/update-signing.pub

# Settings: the service's environment (kept on updates), and its data folder (made by systemd).
install -d -m 0755 /etc/tavli
[ -f /etc/tavli/appliance.env ] || install -m 0644 "$files/appliance.env" /etc/tavli/appliance.env

for unit in "$files"/systemd/*; do install -m 0644 "$unit" /etc/systemd/system/; done
install -D -m 0644 "$files/journald/tavli.conf" /etc/systemd/journald.conf.d/tavli.conf
install -D -m 0644 "$files/systemd-preset/80-tavli.preset" /etc/systemd/system-preset/80-tavli.preset
install -D -m 0644 "$files/avahi/tavli.service" /etc/avahi/services/tavli.service
install -D -m 0755 "$here/first-boot.sh" /usr/local/lib/tavli/first-boot.sh

# The name: avahi announces the host name, so the appliance answers at http://tavli.local.
echo tavli >/etc/hostname
grep -q '^127.0.1.1' /etc/hosts 2>/dev/null && sed -i 's/^127\.0\.1\.1.*/127.0.1.1\ttavli/' /etc/hosts || printf '127.0.1.1\ttavli\n' >>/etc/hosts

systemctl enable tavli.service tavli-backup.timer tavli-watchdog.timer tavli-first-boot.service tavli-ssh.path tavli-update.path avahi-daemon.service systemd-timesyncd.service
systemctl disable ssh.service ssh.socket 2>/dev/null || true

# Nothing that must be unique to a device stays in the image: SSH host keys are made when SSH is
# turned on, the machine id at first boot, the appliance's secrets at its first start.
rm -f /etc/ssh/ssh_host_*
# "uninitialized" (not an empty file) makes systemd treat the next boot as the first (ConditionFirstBoot).
echo uninitialized >/etc/machine-id
rm -f /var/lib/dbus/machine-id
rm -rf /var/lib/tavli
