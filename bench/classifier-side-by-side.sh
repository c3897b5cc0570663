#!/usr/bin/env bash
# Trains the default 'otai model train' (--kind auto) on every evaluation set's train.jsonl, evaluates it on
# test.jsonl, runs bench/sklearn-baseline.py on the same files, and prints one table (the one in
# docs/classification.md). Needs Debian's python3-sklearn for the baseline columns; builds the otai jar on first use.
#
#   bench/classifier-side-by-side.sh [SET_DIR ...]      (default: data/eval-sets/*/)
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
[ "$#" -gt 0 ] || set -- data/eval-sets/*/
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python=/usr/bin/python3
sklearn="$work/sklearn.tsv"
if "$python" -c 'import sklearn' 2>/dev/null; then
  "$python" bench/sklearn-baseline.py "$@" > "$sklearn"
else
  echo "side-by-side: scikit-learn missing (apt-get install -y python3-sklearn); its columns stay empty" >&2
  : > "$sklearn"
fi

printf '| set | otai auto: accuracy | otai ECE | otai chose | sklearn LinearSVC (word+char) | sklearn LogReg (word) | sklearn LogReg ECE |\n'
printf '|---|---|---|---|---|---|---|\n'
for dir in "$@"; do
  name="$(basename "$dir")"
  ./otai model train --data "$dir/train.jsonl" --out "$work/$name" > "$work/$name.train" 2>&1
  ./otai model eval --model "$work/$name" --data "$dir/test.jsonl" > "$work/$name.eval" 2>&1
  accuracy="$(sed -n 's/^accuracy: *//p' "$work/$name.eval")"
  ece="$(sed -n 's/^calibration error (ECE, 10 bins): *//p' "$work/$name.eval")"
  chose="$(sed -n 's/^chose \(.*\); cross-validated.*/\1/p' "$work/$name.train")"
  svc="$(awk -F'\t' -v s="$name" '$1 == s && $2 == "sklearn-svc" { print $3 }' "$sklearn")"
  lr="$(awk -F'\t' -v s="$name" '$1 == s && $2 == "sklearn-logreg" { print $3 }' "$sklearn")"
  lr_ece="$(awk -F'\t' -v s="$name" '$1 == s && $2 == "sklearn-logreg" { print $4 }' "$sklearn")"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$accuracy" "$ece" "$chose" "$svc" "$lr" "$lr_ece"
done
