#!/usr/bin/env bash
# Whole-process start-up of the modelcatalog tool: `--help`, `show <id>` and a no-op re-sync, interleaved in one run
# so machine load hits all three alike. Wall time per process (fork to exit), as a user waits for it.
# Usage: benchmarks/startup.sh [path/to/ModelCatalog.Cli.dll or an installed modelcatalog command] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="${1:-$root/src/ModelCatalog.Cli/bin/Release/net10.0/ModelCatalog.Cli.dll}"
runs="${2:-5}"
# A .dll runs through the dotnet host (a build output); anything else is executed as it is (an installed tool,
# framework-dependent or self-contained).
if [[ "$dll" == *.dll ]]; then cli=(dotnet "$dll"); else cli=("$dll"); fi
catalog="$root/samples/catalog.v1.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/startup.db"

"${cli[@]}" sync "$catalog" --db "$db" >/dev/null   # the first sync creates the tables; every later one is a no-op

time_ms() {   # one process, wall milliseconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

declare -a help show resync
for _ in $(seq 1 "$runs"); do
  help+=("$(time_ms "${cli[@]}" --help)")
  show+=("$(time_ms "${cli[@]}" show openai/gpt-4o --db "$db")")
  resync+=("$(time_ms "${cli[@]}" sync "$catalog" --db "$db")")
done

stats() {   # mean and median of the arguments
  printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1; s += $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d", s / NR, m }'
}

read -r help_mean help_median <<<"$(stats "${help[@]}")"
read -r show_mean show_median <<<"$(stats "${show[@]}")"
read -r resync_mean resync_median <<<"$(stats "${resync[@]}")"
echo "runs: $runs   dll: $dll   load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %8s %8s %8s\n' command mean_ms median_ms ratio
printf '%-10s %8d %8d %8s\n' --help "$help_mean" "$help_median" 1.0
printf '%-10s %8d %8d %8.1f\n' show "$show_mean" "$show_median" "$(echo "$show_mean / $help_mean" | bc -l)"
printf '%-10s %8d %8d %8.1f\n' re-sync "$resync_mean" "$resync_median" "$(echo "$resync_mean / $help_mean" | bc -l)"
