#!/usr/bin/env bash
# End-to-end HTTP benchmark: otai vs a plain JDK-client loop (the floor) vs Apache Camel 4, against the fake OTOBO
# in its own JVM on loopback. Builds otai-bench-http, then runs dev.otai.bench.http.HttpBench with the options given:
#   bench/run-http.sh [--tickets 400] [--warmup 2] [--rounds 5] [--parallelism 1,4,16] [--sides otai,camel,floor] [--pin true]
# Prints one line per round and a Markdown result table. See docs/benchmarks-http.md.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}
java=""
for candidate in ${OTAI_JAVA:-} ${JAVA_HOME:+$JAVA_HOME/bin/java} "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
    java="$candidate"; break
  fi
done
[ -n "$java" ] || { echo "run-http.sh: no JDK >= 21 found; set OTAI_JAVA" >&2; exit 1; }

./mvnw -q -pl otai-bench-http -am package -DskipTests
cp="otai-bench-http/target/classes:$(cat otai-bench-http/target/bench-classpath.txt)"
if ! command -v taskset >/dev/null; then
  set -- --pin false "$@"
fi
echo "# java: $java ($("$java" -version 2>&1 | head -n1)); nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
exec "$java" -Xmx256m -cp "$cp" dev.otai.bench.http.HttpBench "$@"
