#!/usr/bin/env bash
# Native build of the service (production artifact, no embedded components).
#   native/build.sh                 with a local GraalVM/Mandrel (GRAALVM_HOME or native-image on PATH)
#   native/build.sh --container     inside a Mandrel builder container (podman or docker)
#   native/build.sh --sources-only  no GraalVM: runs every Quarkus native build step and writes the native-image
#                                   sources and arguments to target/native-sources (what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-local}
common=(-B package -Dnative -DskipTests)
case "$mode" in
  --sources-only)
    ./mvnw "${common[@]}" -Dquarkus.native.sources-only=true
    args=target/native-sources/native-image.args
    [ -s "$args" ] || { echo "native build steps wrote no $args" >&2; exit 1; }
    grep -q -- "reflection-config.json" "$args" || { echo "reflection configuration not passed to native-image" >&2; exit 1; }
    # resources read at run time must be registered: pinyin tables, JSON Schema meta-schemas, migrations, and the
    # dashboard page with its bundled scripts (static files under META-INF/resources), the receipts' font
    resources=$(unzip -p target/native-sources/*-runner.jar META-INF/native-image/resource-config.json)
    for needed in 'pinyindb/' 'draft/' 'db/migration/' 'META-INF/resources/dashboard.html' \
        'META-INF/resources/static/bundle/app-' 'fonts/ttf/NotoSansSC/'; do
      grep -q -- "$needed" <<<"$resources" || { echo "resource $needed not registered for native-image" >&2; exit 1; }
    done
    echo "native sources ready in target/native-sources ($(wc -c < "$args") bytes of native-image arguments)"
    ;;
  --container)
    ./mvnw "${common[@]}" -Dquarkus.native.container-build=true
    ;;
  local)
    ./mvnw "${common[@]}"
    ;;
  *)
    echo "usage: native/build.sh [--sources-only|--container]" >&2
    exit 2
    ;;
esac
