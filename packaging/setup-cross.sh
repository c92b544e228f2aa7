#!/usr/bin/env bash
# Installs what `make dist` needs beyond `make setup` for the 信创 builds: the
# arm64 cross compiler, the arm64 libraries of the desktop app through Debian
# multiarch, and qemu to run the arm64 and loong64 programs in the smoke tests.
# Kept out of `make setup` so CI does not install it. Idempotent; run as root.
set -euo pipefail

# The headers and libraries the desktop app links against (the same list as
# APT_PACKAGES in the Makefile, for arm64), and Mesa's software renderer, which
# the arm64 app draws with under Xvfb.
arm64_dev="libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev"
arm64_run="libgl1-mesa-dri"
host="gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	echo "enabling the arm64 architecture for multiarch packages"
	dpkg --add-architecture arm64
fi

missing=""
for p in $host; do installed "$p" || missing="$missing $p"; done
for p in $arm64_dev $arm64_run; do installed "$p:arm64" || missing="$missing $p:arm64"; done
if [ -n "$missing" ]; then
	# Multiarch packages must have the same version for both architectures, so
	# the amd64 ones are named too: apt then moves both to the archive's version
	# instead of refusing when the installed amd64 ones are older.
	both=""
	for p in $arm64_dev $arm64_run; do both="$both $p:amd64"; done
	echo "installing:$missing"
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing $both
fi

# The arm64 app starts itself again to probe OpenGL, so qemu must run arm64
# programs started by other programs, not only those started through it.
binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/register" ]; then
	mount -t binfmt_misc binfmt_misc "$binfmt" || {
		echo "cannot mount $binfmt: the arm64 and loong64 smoke tests need the kernel's binfmt_misc" >&2
		exit 1
	}
fi
for arch in aarch64 loongarch64; do
	[ -e "$binfmt/qemu-$arch" ] && continue
	echo "registering qemu-$arch with binfmt_misc"
	cat "/usr/lib/binfmt.d/qemu-$arch.conf" >"$binfmt/register"
done
[ "$(cat "$binfmt/status")" = enabled ] || echo 1 >"$binfmt/status"
