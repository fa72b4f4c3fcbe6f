"""PyTorch reference timing for `pnpm bench core`: the same configs and loop, one thread (or
ACTLAB_TORCH_THREADS), float32, SGD or Adam as the config says (torch.optim's defaults otherwise, as a
user would run it).
A long-lived helper so the bench can interleave our rounds with PyTorch's: it prints one JSON line with
what BLAS and kernel PyTorch runs on, then answers each config read as a JSON line on stdin with one
timed round {"samples_per_s": ...} (after a warm-up the first time it sees that config)."""
import ctypes
import json
import os
import re
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(int(os.environ.get("ACTLAB_TORCH_THREADS", "1")))
WARMUP_S = 0.5
ROUND_S = 1.0


def mapped_blas_libraries():
    """Paths of BLAS/LAPACK shared objects actually loaded: the alternatives symlink resolves here."""
    paths = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            parts = line.split()
            if len(parts) >= 6 and any(k in parts[5] for k in ("blas", "mkl", "lapack")):
                paths.add(parts[5])
    return sorted(paths)


def openblas_details(paths):
    """OpenBLAS names the kernel it chose for this CPU (e.g. SkylakeX) and its build options."""
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            lib.openblas_get_config.restype = ctypes.c_char_p
            return {
                "corename": lib.openblas_get_corename().decode(),
                "config": lib.openblas_get_config().decode().strip(),
            }
        except (OSError, AttributeError):
            continue
    return None


def threadpools():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return [{k: v for k, v in p.items() if k in ("internal_api", "filepath", "num_threads", "architecture")}
            for p in threadpool_info()]


def blas_report():
    # A tiny matmul first: some builds load their BLAS lazily.
    torch.mm(torch.ones(8, 8), torch.ones(8, 8))
    paths = mapped_blas_libraries()
    config = torch.__config__.show()
    return {
        "torch": torch.__version__,
        "blas_info": re.findall(r"\b(?:BLAS_INFO|LAPACK_INFO)=[^,\s]*", config),
        # ATen's own vectorised kernels (activations, softmax); absent from torch < 2.0.
        "cpu_capability": getattr(getattr(torch.backends, "cpu", None), "get_cpu_capability", lambda: None)(),
        "libraries": paths,
        "openblas": openblas_details(paths),
        "threadpools": threadpools(),
        "threads": torch.get_num_threads(),
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS")},
    }


def make_step(cfg):
    torch.manual_seed(0)
    sizes, batch, rows = cfg["sizes"], cfg["batchSize"], cfg["rows"]
    x = torch.randn(rows, sizes[0])
    y = torch.randint(0, sizes[-1], (rows,))
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    if cfg["optimizer"] == "adam":
        opt = torch.optim.Adam(net.parameters(), lr=0.001)
    else:
        opt = torch.optim.SGD(net.parameters(), lr=0.01)

    def run(seconds):
        """Full batches for `seconds`; returns samples per second."""
        seen = 0
        start = time.perf_counter()
        deadline = start + seconds
        while True:
            perm = torch.randperm(rows)
            for s in range(0, rows, batch):
                idx = perm[s : s + batch]
                loss = F.cross_entropy(net(x[idx]), y[idx])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                seen += len(idx)
                if time.perf_counter() > deadline:
                    return seen / (time.perf_counter() - start)

    run(WARMUP_S)
    return run


if __name__ == "__main__":
    print(json.dumps(blas_report()), flush=True)
    steps = {}
    for line in sys.stdin:
        cfg = json.loads(line)
        if cfg["name"] not in steps:
            steps[cfg["name"]] = make_step(cfg)
        print(json.dumps({"samples_per_s": steps[cfg["name"]](ROUND_S)}), flush=True)
