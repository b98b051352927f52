#!/bin/sh
# First boot on a card: the root partition grows to the whole card, then its file system.
# (The machine id is made by systemd; the appliance makes its own secrets when it first starts.)
set -eu
root=$(findmnt -n -o SOURCE /)
case "$root" in
  /dev/mmcblk*p[0-9]* | /dev/nvme*n*p[0-9]*) disk=${root%p*} part=${root##*p} ;;
  /dev/sd[a-z][0-9]* | /dev/vd[a-z][0-9]*) disk=$(echo "$root" | sed 's/[0-9]*$//') part=${root##*[!0-9]} ;;
  *) echo "root is $root: not a partition of a card, nothing to grow"; exit 0 ;;
esac
growpart "$disk" "$part" || [ $? -eq 1 ] # 1: already as large as it can be
resize2fs "$root"
