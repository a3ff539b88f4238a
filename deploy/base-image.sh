#!/usr/bin/env bash
# A Debian base image made from Debian's own packages with debootstrap, for hosts that reach
# Debian's mirror but no image registry (this project's CI among them). With a registry, build
# deploy/Containerfile FROM docker.io/library/debian:bookworm-slim or python:3.13-slim instead.
#
#   deploy/base-image.sh [IMAGE]        (default localhost/eci-debian:bookworm; needs root)
#
# Environment: SUITE (bookworm), MIRROR (http://deb.debian.org/debian), ENGINE (podman).
# Python 3 with venv, CA certificates and espeak-ng (the audio CAPTCHA in every official
# language) come with it, so that the image's build needs no apt-get.
set -euo pipefail
image="${1:-localhost/eci-debian:bookworm}"
suite="${SUITE:-bookworm}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
engine="${ENGINE:-podman}"
root="$(mktemp -d /var/tmp/eci-debootstrap.XXXXXX)"
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates,espeak-ng \
  "$suite" "$root" "$mirror" >"$root.log" 2>&1 || { cat "$root.log"; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
# What a container never needs: downloaded packages, package lists, documentation.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
  "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/*
tar --numeric-owner -C "$root" -c . | "$engine" import \
  --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' - "$image" >/dev/null
echo "$image"
