"""One run of the "every activation" sweep as a PyTorch user would script it: the yardstick of
`pnpm bench runs`, which starts one of these per run, two at a time. Same data (600 spiral points, noise
0.1, 20% validation, standardised), network (2-16-16-2), Adam, lr, batch size and epochs as our run; each
epoch it evaluates train and validation loss and accuracy, measures per-layer diagnostics on a 256-row
probe (gradient and weight norms, activation mean and std, dead and saturated units), appends the
metrics to a JSON-lines file and saves a checkpoint (model, optimiser, RNG), as our worker stores them.
argv: the run's config as JSON, and the folder to write into. Prints one JSON line with its timings."""
import time

STARTED = time.perf_counter()

import json
import math
import os
import sys

import torch
import torch.nn.functional as F

IMPORTED = time.perf_counter()
torch.set_num_threads(1)
SATURATION_THRESHOLD = 1e-3
SATURATED_SHARE = 0.99


class Step(torch.autograd.Function):
    """The perceptron's threshold: its derivative is taken as 0 everywhere, as ours does."""

    @staticmethod
    def forward(ctx, x):
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        return torch.zeros_like(grad)


def activation(name):
    fixed = {
        "step": Step.apply,
        "linear": lambda x: x,
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": F.relu,
        "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
        "elu": F.elu,
        "swish": F.silu,
        "gelu": F.gelu,
        "mish": F.mish,
    }
    if name == "prelu":
        return torch.nn.PReLU(num_parameters=1, init=0.25)
    return fixed[name]


class Net(torch.nn.Module):
    def __init__(self, sizes, act):
        super().__init__()
        self.linears = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.acts = [activation(act) for _ in sizes[1:-1]]
        # PReLU's slope is a parameter: register it so Adam trains it.
        self.learned = torch.nn.ModuleList(a for a in self.acts if isinstance(a, torch.nn.Module))

    def forward(self, x, keep=None):
        for i, linear in enumerate(self.linears):
            z = linear(x)
            if i == len(self.acts):
                return z
            if keep is not None:
                z.retain_grad()
            x = self.acts[i](z)
            if keep is not None:
                keep.append((z, x))
        return x


def spirals(samples, noise, seed):
    g = torch.Generator().manual_seed(seed)
    cls = (torch.arange(samples) % 2)[torch.randperm(samples, generator=g)]
    t = torch.rand(samples, generator=g)
    angle = math.pi * cls + 3 * math.pi * t
    x = torch.stack([t * torch.cos(angle), t * torch.sin(angle)], 1)
    return x + noise * torch.randn(samples, 2, generator=g), cls


def diagnostics(net, x, y):
    """Per-layer health on the probe batch, as our trainer measures it each epoch."""
    keep = []
    net.zero_grad(set_to_none=True)
    F.cross_entropy(net(x, keep), y).backward()
    out = {}
    for i, linear in enumerate(net.linears):
        layer = f"diag/l{i + 1}"
        out[f"{layer}/grad_norm"] = linear.weight.grad.norm().item()
        out[f"{layer}/weight_norm"] = linear.weight.norm().item()
        if i < len(keep):
            z, a = keep[i]
            out[f"{layer}/act_mean"] = a.mean().item()
            out[f"{layer}/act_std"] = a.std().item()
            # f'(z) per sample and unit, from the activation's own autograd.
            zz = z.detach().requires_grad_(True)
            (slope,) = torch.autograd.grad(net.acts[i](zz).sum(), zz, allow_unused=True)
            slope = torch.zeros_like(zz) if slope is None else slope.abs()
            out[f"{layer}/dead_frac"] = (slope == 0).all(0).float().mean().item()
            flat = (slope < SATURATION_THRESHOLD).float().mean(0) >= SATURATED_SHARE
            out[f"{layer}/sat_frac"] = flat.float().mean().item()
    norms = [out[f"diag/l{i + 1}/grad_norm"] for i in range(len(net.linears))]
    out["diag/grad_ratio"] = norms[0] / max(norms[-1], 1e-12)
    return out


def main():
    cfg, folder = json.loads(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(cfg["seed"])
    x, y = spirals(cfg["samples"], cfg["noise"], cfg["dataSeed"])
    n_val = round(cfg["samples"] * cfg["validation"])
    x_val, y_val, x_tr, y_tr = x[:n_val], y[:n_val], x[n_val:], y[n_val:]
    mean, std = x_tr.mean(0), x_tr.std(0)
    x_tr, x_val = (x_tr - mean) / std, (x_val - mean) / std
    probe_x, probe_y = x_tr[: cfg["probeSize"]], y_tr[: cfg["probeSize"]]
    net = Net(cfg["sizes"], cfg["activation"])
    opt = torch.optim.Adam(net.parameters(), lr=cfg["lr"])
    batch, rows = cfg["batchSize"], len(x_tr)
    train_s = 0.0
    with open(os.path.join(folder, "metrics.jsonl"), "w") as metrics:
        for epoch in range(1, cfg["epochs"] + 1):
            t0 = time.perf_counter()
            perm = torch.randperm(rows)
            for s in range(0, rows, batch):
                idx = perm[s : s + batch]
                loss = F.cross_entropy(net(x_tr[idx]), y_tr[idx])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
            with torch.no_grad():
                logits_tr, logits_val = net(x_tr), net(x_val)
                line = {
                    "epoch": epoch,
                    "train/loss": F.cross_entropy(logits_tr, y_tr).item(),
                    "train/acc": (logits_tr.argmax(1) == y_tr).float().mean().item(),
                    "val/loss": F.cross_entropy(logits_val, y_val).item(),
                    "val/acc": (logits_val.argmax(1) == y_val).float().mean().item(),
                }
            line.update(diagnostics(net, probe_x, probe_y))
            train_s += time.perf_counter() - t0
            metrics.write(json.dumps(line) + "\n")
            torch.save(
                {"model": net.state_dict(), "optimizer": opt.state_dict(), "rng": torch.get_rng_state(), "epoch": epoch},
                os.path.join(folder, f"checkpoint-{epoch}.pt"),
            )
    print(json.dumps({"import_s": IMPORTED - STARTED, "train_s": train_s, "total_s": time.perf_counter() - STARTED}))


if __name__ == "__main__":
    main()
