"""PyTorch reference timing for `pnpm bench core`: the same configs and loop, one thread, float32 SGD.
Reads the configs as JSON on stdin, prints {name: samples_per_s} as JSON (best of ROUNDS rounds, as ours)."""
import json
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
WARMUP_S = 0.5
ROUNDS = 3
ROUND_S = 1.0


def time_config(cfg):
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
    opt = torch.optim.SGD(net.parameters(), lr=0.01)

    def epoch(deadline):
        seen = 0
        perm = torch.randperm(rows)
        for start in range(0, rows, batch):
            idx = perm[start : start + batch]
            loss = F.cross_entropy(net(x[idx]), y[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            seen += len(idx)
            if time.perf_counter() > deadline:
                break
        return seen

    end = time.perf_counter() + WARMUP_S
    while time.perf_counter() < end:
        epoch(end)
    best = 0.0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        seen = 0
        while time.perf_counter() - start < ROUND_S:
            seen += epoch(start + ROUND_S)
        best = max(best, seen / (time.perf_counter() - start))
    return best


if __name__ == "__main__":
    configs = json.load(sys.stdin)
    print(json.dumps({c["name"]: time_config(c) for c in configs}))
