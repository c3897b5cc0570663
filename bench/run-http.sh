#!/usr/bin/env bash
# End-to-end HTTP benchmark: otai vs a plain JDK-client loop (the floor) vs Apache Camel 4, against the fake OTOBO
# in its own JVM on loopback. Builds otai-bench-http, then runs dev.otai.bench.http.HttpBench with the options given:
#   bench/run-http.sh [--tickets 400] [--warmup 2] [--rounds 5] [--parallelism 1,4,16] [--sides otai,camel,floor] [--pin true]
# The real `otai run` process (default store and ledger, the ledger off, and Camel as a process of its own; builds
# the app jar too):
#   bench/run-http.sh otai-run [--tickets 2000] [--fetch 50] [--parallelism 1,4,16] [--runs 3] [--jfr otai]
# Prints one line per round and Markdown result tables. See docs/benchmarks-http.md.
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

main=dev.otai.bench.http.HttpBench
modules=otai-bench-http
if [ "${1:-}" = otai-run ]; then
  shift
  main=dev.otai.bench.http.OtaiRunBench
  modules=otai-bench-http,otai-app
fi
./mvnw -q -pl "$modules" -am package -DskipTests
if [ "$main" = dev.otai.bench.http.OtaiRunBench ]; then # the testkit jar exists only once the build made it
  set -- --app-jar otai-app/target/otai.jar --testkit-jar "$(echo otai-testkit/target/otai-testkit-*[0-9T].jar)" "$@"
fi
cp="otai-bench-http/target/classes:$(cat otai-bench-http/target/bench-classpath.txt)"
if ! command -v taskset >/dev/null || [ "$(nproc)" -lt 2 ]; then
  echo "# taskset missing or fewer than 2 CPUs: nothing is pinned, the fake and the contenders share the CPUs" >&2
  set -- "$@" --pin false
fi
echo "# java: $java ($("$java" -version 2>&1 | head -n1)); nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$java" -Xmx256m -cp "$cp" "$main" "$@"
