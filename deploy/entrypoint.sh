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

job() {
  python manage.py "$@" && return 0
  echo "jobs: $* failed" >&2
  return 1
}

run_jobs() {
  # The periodic jobs the docs ask for (docs/deployment.md): every minute the queued mail and
  # the central system's counts; every 5 minutes expired CAPTCHAs and Wagtail's scheduled
  # publications; every 30 minutes (and first) the missing paper forms; once a day the mailing
  # lists' shuffle (after 00:30 UTC) and the destructions past their deadline (after 03:15 UTC).
  # A failed job is reported and tried again at its next turn; the loop goes on.
  set +e
  minute=0 shuffled="" destroyed=""
  while :; do
    job send_queued_mail
    job read_central_system
    if [ $((minute % 5)) -eq 0 ]; then
      job captcha_clean
      job publish_scheduled
    fi
    [ $((minute % 30)) -eq 0 ] && job build_paper_forms
    today="$(date -u +%F)" now="$(date -u +%H%M)"
    if [ "$shuffled" != "$today" ] && [ "$now" -ge 0030 ]; then
      job shuffle_mailing_list && shuffled="$today"
    fi
    if [ "$destroyed" != "$today" ] && [ "$now" -ge 0315 ]; then
      job destroy_expired_statements && job destroy_unconfirmed_signatures && destroyed="$today"
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
      --timeout 30 --graceful-timeout 20 --no-control-socket "$@"
    ;;
  jobs) run_jobs "$@" ;;
  manage) exec python manage.py "$@" ;;
  *) exec "$command" "$@" ;;
esac
