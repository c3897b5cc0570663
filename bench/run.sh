#!/usr/bin/env bash
# Runs one benchmark of the otai-bench module with a JDK >= 21 found like ./otai finds one.
#
#   bench/run.sh NAME [--option=value ...]
#
# NAME: overhead | templates | templates-cpu | idle | webhook | jitter | classifiers | training | classify-cpu
#       | console  (see docs/benchmarks.md and docs/classification.md)
# Builds otai-bench/target/benchmarks.jar when missing (BENCH_BUILD=1 forces a rebuild); 'idle' also needs the
# app jar, built the same way. JVM flags default to the ./otai launcher's; override with BENCH_JAVA_OPTS.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$here/otai-bench/target/benchmarks.jar"
app_jar="$here/otai-app/target/otai.jar"
launcher_opts="-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1"

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_java() {
  local candidate
  for candidate in ${OTAI_JAVA:-} ${JAVA_HOME:+$JAVA_HOME/bin/java} "$(command -v java 2>/dev/null || true)" \
      /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      local major
      major="$(java_major "$candidate")"
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        echo "$candidate"
        return 0
      fi
    fi
  done
  return 1
}

[ $# -ge 1 ] || { sed -n '2,9p' "$0" >&2; exit 64; }
name="$1"; shift
java_bin="$(find_java)" || { echo "bench: no Java 21 or newer found; install one or set JAVA_HOME" >&2; exit 1; }

if [ ! -f "$jar" ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  (cd "$here" && ./mvnw -q -Pbench -pl otai-bench -am package -DskipTests) >&2
fi
if [ "$name" = idle ] && { [ ! -f "$app_jar" ] || [ "${BENCH_BUILD:-0}" = 1 ]; }; then
  (cd "$here" && ./mvnw -q -pl otai-app -am package -DskipTests) >&2
fi

opts="${BENCH_JAVA_OPTS:-$launcher_opts}"
case "$name" in
  overhead)  exec "$java_bin" $opts -cp "$jar" dev.otai.bench.EngineOverhead "$@" ;;
  templates) exec "$java_bin" -cp "$jar" dev.otai.bench.TemplateReport --java-opts="$opts" "$@" ;;
  idle)      exec "$java_bin" -cp "$jar" dev.otai.bench.IdleAndStart --java="$java_bin" --java-opts="$opts" \
               --app-jar="$app_jar" --testkit-jar="$(ls "$here"/otai-testkit/target/otai-testkit-*.jar | head -n1)" "$@" ;;
  templates-cpu) exec "$java_bin" $opts -cp "$jar" dev.otai.bench.TemplateCpu "$@" ;;
  webhook)   exec "$java_bin" $opts -cp "$jar" dev.otai.bench.WebhookLatency "$@" ;;
  jitter)    exec "$java_bin" $opts -cp "$jar" dev.otai.bench.TriggerJitter "$@" ;;
  classifiers) exec "$java_bin" $opts -cp "$jar" dev.otai.bench.ClassifierBench "$@" ;;
  training)
    large=/tmp/otai-bench-large.jsonl
    [ -f "$large" ] || python3 "$here/data/eval-sets/generate.py" --large 11000 "$large"
    cd "$here" && exec "$java_bin" -cp "$jar" dev.otai.bench.TrainingTime --data="$large" "$@" ;;
  classify-cpu) cd "$here" && exec "$java_bin" -jar "$jar" LinearClassification -f 1 -wi 3 -w 1s -i 5 -r 1s "$@" ;;
  console)   exec "$java_bin" $opts -cp "$jar" dev.otai.bench.ConsolePages "$@" ;;
  *) echo "bench: unknown benchmark '$name'; expected overhead, templates, templates-cpu, idle, webhook, jitter, classifiers, training, classify-cpu or console" >&2; exit 64 ;;
esac
