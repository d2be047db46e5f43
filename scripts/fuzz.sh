#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang, AddressSanitizer and UBSan in
# ./build-fuzz, writes the project's own seed corpora and runs each fuzzer for a bounded time:
#   scripts/fuzz.sh [seconds per fuzzer, default 30] [fuzzer names…]
# The corpus each run grows is kept in build-fuzz/corpus, so later runs start where earlier
# ones stopped. A crash, a leak, undefined behaviour or an input over 10 s fails the run and
# leaves the input in build-fuzz/crashes (reproduce: build-fuzz/tests/fuzz/fuzz_<name> <file>).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
fuzzers=("$@")
[[ ${#fuzzers[@]} -gt 0 ]] || fuzzers=(dicom ctgimport syncprotocol dicomweb centerrequest)
build_dir=${OBSLINK_FUZZ_BUILD_DIR:-build-fuzz}

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DOBSLINK_FUZZ=ON > "$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" --target fuzzers -j "$(nproc)"

seeds="$build_dir/seeds"
rm -rf "$seeds"
QT_QPA_PLATFORM=offscreen "$build_dir/tests/fuzz/fuzz-seeds" "$seeds"
mkdir -p "$build_dir/crashes"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for name in "${fuzzers[@]}"; do
  corpus="$build_dir/corpus/$name"
  mkdir -p "$corpus"
  log="$build_dir/fuzz_$name.log"
  if QT_QPA_PLATFORM=offscreen "$build_dir/tests/fuzz/fuzz_$name" "$corpus" "$seeds/$name" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
      -artifact_prefix="$build_dir/crashes/$name-" -print_final_stats=1 > "$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $name ${seconds}s ${runs:-?} executions, corpus $(ls "$corpus" | wc -l) inputs, no crash"
  else
    echo "fuzz: $name FAILED, see $log:"
    grep -m 20 -E "ERROR|SUMMARY|runtime error|#[0-9]+ 0x" "$log" || tail -30 "$log"
    status=1
  fi
done
exit $status
