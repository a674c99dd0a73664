#!/usr/bin/env bash
# Installs the real clients and services the tests drive, from Debian's packages, when missing:
# skopeo, podman and buildah (clients), docker-registry (CNCF distribution, the peer and baseline),
# and the services of the scale-out pass: postgresql, redis-server, nginx (the load balancer),
# docker-compose (to validate deploy/docker-compose.yml; no container engine runs here).
set -euo pipefail

need=()
command -v skopeo >/dev/null 2>&1 || need+=(skopeo)
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v buildah >/dev/null 2>&1 || need+=(buildah)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || need+=(nginx)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
[ ${#need[@]} -eq 0 ] && exit 0

echo "ensure-test-deps: installing ${need[*]} with apt-get" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-test-deps: ${need[*]} missing and not root; install them with apt-get" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" uidmap >/dev/null
# Debian's docker-registry package starts a system service on :5000 where an init system runs;
# the tests start their own instances and need nothing of it.
# Likewise postgresql, redis-server and nginx start system services where an init system runs;
# the tests start their own on other ports (scripts/test-services.mjs).
