# Sourced by bench/run and bench/scale: a scratch directory, a DEBUG-off production environment, and a
# fresh database (a SQLite file in the scratch directory, or BENCH_DATABASE_URL's PostgreSQL database).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export DJANGO_SETTINGS_MODULE=bench.settings DJANGO_DEBUG=false DJANGO_SECRET_KEY="bench-$(date +%s)-not-secret-at-all-0123456789"
export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false
export SITE_URL=https://www.pragati-ias.in DEFAULT_FROM_EMAIL="Pragati IAS <office@pragati-ias.in>"
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3} DEMO_PASSWORD=bench-password-2024
export DATABASE_URL=${BENCH_DATABASE_URL:-sqlite:///$scratch/bench.sqlite3} DJANGO_MEDIA_ROOT=$scratch/media
# Students reach gunicorn through nginx, which passes their address on; the benchmark plays nginx, and posts
# each form as soon as it has read it (a person takes longer than the site's minimum fill time).
export DJANGO_TRUSTED_PROXIES=127.0.0.1 ENQUIRY_MIN_FILL_SECONDS=0
fresh_database() {  # a PostgreSQL database is dropped and created again; a SQLite file starts empty anyway
  if [[ $1 == postgres* ]]; then
    psql "${1%/*}/postgres" -q -c "DROP DATABASE IF EXISTS ${1##*/}" -c "CREATE DATABASE ${1##*/}"
  fi
}
fresh_database "$DATABASE_URL"

