"""The C++ hnswlib baseline on the vectors `measure --hnswlib` wrote: same data, same queries, same ground truth.

Run by Measure.cs (Debian's python3-hnswlib); prints rows in the same table shape. Queries go to hnswlib as one
batch with one thread, so the figure is hnswlib's C++ search loop without per-call Python overhead.
"""
import sys
import time

import hnswlib
import numpy as np


def read_vecs(path, dtype):
    raw = np.fromfile(path, dtype=np.int32)
    dim = raw[0]
    rows = raw.reshape(-1, dim + 1)[:, 1:]
    return rows.view(dtype) if dtype != np.int32 else rows


def main(folder, efs):
    base = np.ascontiguousarray(read_vecs(f"{folder}/base.fvecs", np.float32))
    queries = np.ascontiguousarray(read_vecs(f"{folder}/queries.fvecs", np.float32))
    truth = read_vecs(f"{folder}/truth.ivecs", np.int32)
    index = hnswlib.Index(space="ip", dim=base.shape[1])
    index.init_index(max_elements=base.shape[0], M=16, ef_construction=200, random_seed=7)
    started = time.perf_counter()
    index.add_items(base, np.arange(base.shape[0]), num_threads=-1)
    print(f"hnswlib build (M=16, efConstruction=200, all cores): {time.perf_counter() - started:.1f} s")
    for ef in efs:
        index.set_ef(ef)
        index.knn_query(queries[:50], k=10, num_threads=1)  # warm-up
        started = time.perf_counter()
        labels, _ = index.knn_query(queries, k=10, num_threads=1)
        elapsed = time.perf_counter() - started
        found = sum(len(set(labels[q]) & set(truth[q])) for q in range(len(queries)))
        recall = found / (10.0 * len(queries))
        print(f"| hnswlib (C++) ef={ef:<13}| {recall:.4f} | {len(queries) / elapsed:9.0f} |       n/a |     n/a |     n/a |")


if __name__ == "__main__":
    main(sys.argv[1], [int(x) for x in sys.argv[2].split(",")])
