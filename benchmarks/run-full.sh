#!/bin/sh
# The benchmark table of docs/load-and-benchmarks.md in one command: builds the benchmark jar, then measures every row (raw SDK and
# session in interleaved pairs, live audio at the same settings and at each side's own defaults, the knee, memory per
# collector setting, Polly's text to first audio and heap per stream) in about 45 minutes on 2 quiet cores.
# Writes benchmarks/target/benchmark.md and benchmarks/target/benchmark.json; extra arguments go to the benchmark
# (e.g. --ops bedrock). Run it on a quiet machine: the intervals widen with every neighbour.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -Xmx6g -jar benchmarks/target/aws-bidi-benchmarks.jar --mode full \
    --markdown benchmarks/target/benchmark.md --json benchmarks/target/benchmark.json "$@"
