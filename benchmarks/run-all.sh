#!/usr/bin/env bash
# The whole benchmark suite, as BENCHMARKS.md reports it: about 35 minutes on 2 cores.
# Output (JMH text and JSON, the harness tables, the machine) goes to benchmarks/target/results/.
# Everything talks to stub servers on 127.0.0.1 only; every loop is bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/results
mkdir -p "$out"

mvn -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar

{
  date -u '+%Y-%m-%d %H:%M UTC'
  echo "nproc: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo
  free -h
  java -version 2>&1
  echo "client: git $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(git status --short 2>/dev/null | grep -c '^ M' || true) files modified in the work tree"
  echo "loadavg before: $(cat /proc/loadavg)"
} | tee "$out/machine.txt"

# 3 and 4: JMH, one fork each, 2 warm-up and 3 measured iterations (times in the annotations).
java -jar "$jar" -f 1 -wi 2 -i 3 \
  -prof gc -prof org.bitcoinrpc.benchmarks.CpuTimeProfiler \
  -rf json -rff "$out/jmh.json" \
  'CallBenchmark|ClientPathBenchmark|NotificationDecodeBenchmark|BlockDecodeBenchmark' | tee "$out/jmh.txt"
echo "loadavg after JMH: $(cat /proc/loadavg)" | tee -a "$out/machine.txt"

# 1, 2, 5 and 6: the load harness, in one JVM with the stubs.
java -Xms2g -Xmx2g -cp "$jar" org.bitcoinrpc.benchmarks.harness.LoadHarness | tee "$out/harness.txt"
echo "loadavg after the harness: $(cat /proc/loadavg)" | tee -a "$out/machine.txt"

# 5 with Spring: a Spring Boot context's @EventListener against the plain listener, in a JVM of its own.
java -Xms2g -Xmx2g -cp "$jar" org.bitcoinrpc.benchmarks.harness.LoadHarness spring | tee "$out/harness-spring.txt"
echo "loadavg after the Spring harness: $(cat /proc/loadavg)" | tee -a "$out/machine.txt"

# 13: chain follower catch-up of 10,000 blocks against plain calls one at a time; the simulated node runs in a
# child JVM (about 3 minutes).
java -Xms2g -Xmx2g -cp "$jar" org.bitcoinrpc.benchmarks.harness.LoadHarness catchup | tee "$out/catchup.txt"
echo "loadavg after the catch-up harness: $(cat /proc/loadavg)" | tee -a "$out/machine.txt"

# 14: engine ceilings, the client, wf.bitcoin and a raw client per engine against the same stub in a child JVM
# (about 9 minutes each): the Jetty stubs of the other sections, then the Netty stub, which does not cap the ceilings.
java -Xms2g -Xmx2g -cp "$jar" org.bitcoinrpc.benchmarks.harness.LoadHarness engines | tee "$out/engines.txt"
echo "loadavg after the engines harness: $(cat /proc/loadavg)" | tee -a "$out/machine.txt"
java -Xms2g -Xmx2g -Dengines.stub=netty -cp "$jar" org.bitcoinrpc.benchmarks.harness.LoadHarness engines \
  | tee "$out/engines-netty-stub.txt"
echo "loadavg after the engines harness, Netty stub: $(cat /proc/loadavg)" | tee -a "$out/machine.txt"
