#!/bin/sh
# A Debian root file system from Debian's packages alone, as a tar stream for `podman import`:
#
#   infra/images/debian/rootfs.sh <suite> <mirror> <security mirror> <work dir> > rootfs.tar
#
# debootstrap's minbase variant (essential packages and apt), then trimmed the way the official
# debian:<suite>-slim image is: no documentation, manual pages or translations, now or in packages
# installed later (dpkg path excludes), no package lists or caches. Runs as root (debootstrap).
set -eu
suite="$1"
mirror="$2"
security_mirror="$3"
work="$4"
root="${work}/rootfs"

rm -rf "${root}"
mkdir -p "${root}"
debootstrap --variant=minbase --merged-usr "${suite}" "${root}" "${mirror}" >&2

# The suite's updates and security fixes too, as in the official images (debootstrap names only the suite).
rm -f "${root}/etc/apt/sources.list"
cat > "${root}/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: ${mirror}
Suites: ${suite} ${suite}-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${security_mirror}
Suites: ${suite}-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES

# The suite's point-release and security updates (debootstrap installs the release as it was).
cp /etc/resolv.conf "${root}/etc/resolv.conf"
mount -t proc proc "${root}/proc"
trap 'umount "${root}/proc" 2>/dev/null || true' EXIT
chroot "${root}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive chroot "${root}" apt-get upgrade -y -qq >&2
chroot "${root}" apt-get clean
umount "${root}/proc"
rm -f "${root}/etc/resolv.conf"

# As in the official slim images: packages installed later leave their documentation out too.
cat > "${root}/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/groff/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
CFG
cat > "${root}/etc/apt/apt.conf.d/docker-clean" <<'CFG'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CFG
cat > "${root}/etc/apt/apt.conf.d/docker-no-recommends" <<'CFG'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
CFG
find "${root}/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "${root}/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "${root}/usr/share/man/"* "${root}/usr/share/info/"* "${root}/usr/share/groff/"* "${root}/usr/share/lintian/"*
find "${root}/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
rm -rf "${root}/var/lib/apt/lists/"* "${root}/var/cache/apt/"*.bin "${root}/var/cache/apt/archives/"*.deb
rm -rf "${root}/var/log/"*.log "${root}/var/log/apt/"* "${root}/var/cache/debconf/"*-old "${root}/var/lib/dpkg/"*-old
rm -rf "${root}/tmp/"* "${root}/root/."*_history
# Reproducible-ish: the machine id and hostname come from the container runtime.
: > "${root}/etc/machine-id"
rm -f "${root}/etc/hostname"

tar --numeric-owner --xattrs -C "${root}" -cf - .
