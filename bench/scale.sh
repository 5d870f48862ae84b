#!/usr/bin/env bash
# bench/scale.sh [N…]: the synthetic scale run. For each N (default 10 50
# 100) it scaffolds N editions from data/fr-FR with `awarekit new` into a
# temporary folder (fr-BE, fr-CA, fr-MA…: region changes turn national
# numbers into international ones, drop short numbers, and make every
# contact unverified, so all are drafts), then times one whole
# `awarekit build` (posters, previews, site, zips) and its peak memory
# with /usr/bin/time. Prints one line per N.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
[ -n "${NOBUILD:-}" ] || make -s build >/dev/null
bin=$PWD/bin/awarekit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
regions=(BE CH CA MA SN CI CM TN DZ HT MG ML BF NE TD GN BJ TG CD CG GA RW BI DJ KM MU SC VU LU MC AD US GB DE IT ES PT NL AT IE DK SE NO FI PL CZ SK HU RO BG GR CY MT SI HR RS BA ME MK AL EE LV LT IS LI SM UA MD GE AM AZ TR IL LB JO EG QA AE SA OM KW BH IN PK BD LK NP TH VN KH LA MY SG ID PH JP KR CN TW HK AU NZ BR AR CL PE CO MX VE EC BO PY UY CR PA GT HN SV NI DO CU JM TT BS BB KE UG TZ ZA NG GH ET ZM ZW MZ AO NA BW MW LS SZ GM SL LR MR CV ST GQ)
for n in "${@:-10 50 100}"; do
  for n1 in $n; do
    data=$tmp/data-$n1
    mkdir -p "$data" && cp -r data/fr-FR "$data/"
    for r in "${regions[@]}"; do
      [ "$(ls "$data" | wc -l)" -ge "$n1" ] && break
      "$bin" new "fr-$r" --from fr-FR --data "$data" >/dev/null 2>&1 || true   # a region without a known emergency number is skipped
    done
    echo "$(ls "$data" | wc -l) editions scaffolded"
    /usr/bin/time -f "$n1 editions: %e s wall, %U s user, %S s system, %M kB peak" "$bin" build --data "$data" --out "$tmp/out-$n1" | tail -1   # the build's summary: editions and files made
    rm -rf "$tmp/out-$n1" "$data"
  done
done
