#!/usr/bin/env bash
# Percentiles over every process of each case of GatewayThroughputBenchmarks: run the benchmark with
# MODELCATALOG_THROUGHPUT_LATENCIES=<empty folder>, then: benchmarks/throughput-pool.sh <folder>
set -euo pipefail
for file in "$1"/*.txt; do
  sort -g "$file" | awk -v name="$(basename "$file" .txt)" '{ a[NR] = $1; s += $1 }
    END { printf "%-16s %9d requests  mean %.3f ms  p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms\n", name, NR, s / NR, a[int(NR * 0.50 + 0.999999)], a[int(NR * 0.99 + 0.999999)], a[int(NR * 0.999 + 0.999999)] }'
done
