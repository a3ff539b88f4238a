#!/bin/sh
# The image's commands (deploy/Containerfile; docs/deployment.md):
#   web          migrate (unless MIGRATE_ON_START=false), then gunicorn on :8000 (WEB_WORKERS, 4)
#   jobs         the periodic jobs, in the foreground, on one container of the deployment;
#                jobs --once: one round (every job, the daily ones if past their time), then exit
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
  # Every minute the queued mail; every 5 minutes expired CAPTCHAs and Wagtail's scheduled
  # publications; once a day the mailing lists' shuffle (after 00:30) and the destruction of
  # statements past their deadline (after 03:15). A failed job is reported and tried again at
  # its next turn; the loop goes on.
  minute=0 shuffled="" destroyed=""
  while :; do
    python manage.py send_queued_mail || echo "jobs: send_queued_mail failed" >&2
    if [ $((minute % 5)) -eq 0 ]; then
      python manage.py captcha_clean || echo "jobs: captcha_clean failed" >&2
      python manage.py publish_scheduled || echo "jobs: publish_scheduled failed" >&2
    fi
    today="$(date -u +%F)" now="$(date -u +%H%M)"
    if [ "$shuffled" != "$today" ] && [ "$now" -ge 0030 ]; then
      python manage.py shuffle_mailing_list && shuffled="$today" || echo "jobs: shuffle_mailing_list failed" >&2
    fi
    if [ "$destroyed" != "$today" ] && [ "$now" -ge 0315 ]; then
      python manage.py destroy_expired_statements && destroyed="$today" || echo "jobs: destroy_expired_statements failed" >&2
    fi
    [ "${1:-}" = --once ] && return 0
    minute=$((minute + 1))
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
      --timeout 30 --graceful-timeout 20 "$@"
    ;;
  jobs) run_jobs "$@" ;;
  manage) exec python manage.py "$@" ;;
  *) exec "$command" "$@" ;;
esac
