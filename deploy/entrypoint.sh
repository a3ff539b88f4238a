#!/bin/sh
# The image's commands (deploy/Containerfile; docs/deployment.md):
#   web          migrate (unless MIGRATE_ON_START=false), then gunicorn on :8000 (WEB_WORKERS, 4)
#   jobs         the periodic jobs, in the foreground, on one container of the deployment;
#                jobs --once: the jobs due now, once, then exit (for a host's timer)
#   manage ARGS  any manage.py command, e.g. manage createsuperuser
set -eu
cd /opt/eci/app
# SECRET_KEY_FILE: the key read from a file (a compose or Kubernetes secret), as official images do.
if [ -n "${SECRET_KEY_FILE:-}" ]; then
  SECRET_KEY="$(cat "$SECRET_KEY_FILE")"
  export SECRET_KEY
fi
command="${1:-web}"
[ $# -gt 0 ] && shift

run_jobs() {
  # manage.py run_periodic_jobs runs every job that is due (settings.PERIODIC_JOBS; their last
  # runs are in the database, so a restart neither repeats nor skips one) and wants calling
  # every minute. A failed job is reported and tried again at its next turn; the loop goes on.
  while :; do
    python manage.py run_periodic_jobs && status=0 || status=$?
    [ "$status" = 0 ] || echo "jobs: a periodic job failed (manage run_periodic_jobs --list)" >&2
    [ "${1:-}" = --once ] && return "$status"
    sleep 60
  done
}

case "$command" in
  web)
    if [ "${MIGRATE_ON_START:-true}" = true ]; then
      python manage.py migrate --no-input
    fi
    # A folder shared with the reverse proxy (compose.yaml) gets this release's static files.
    if [ -n "${STATIC_EXPORT_DIR:-}" ]; then
      cp -a "$STATIC_ROOT/." "$STATIC_EXPORT_DIR/"
    fi
    # No access log: it would hold the visitors' addresses (personal data).
    exec gunicorn eci_site.wsgi --bind "0.0.0.0:${PORT:-8000}" --workers "${WEB_WORKERS:-4}" \
      --timeout 30 --graceful-timeout 20 --no-control-socket "$@"
    ;;
  jobs) run_jobs "$@" ;;
  manage) exec python manage.py "$@" ;;
  *) exec "$command" "$@" ;;
esac
