"""PyTorch reference for `pnpm replay`: the same CLI and output, computed with torch (float32)."""
import argparse
import json

import torch
import torch.nn.functional as F

ACTIVATIONS = {
    "linear": lambda x, a: x,
    "step": lambda x, a: (x >= 0).to(x.dtype),
    "sigmoid": lambda x, a: torch.sigmoid(x),
    "tanh": lambda x, a: torch.tanh(x),
    "relu": lambda x, a: F.relu(x),
    "leaky_relu": lambda x, a: F.leaky_relu(x, 0.01),
    "prelu": lambda x, a: F.prelu(x, a),
    "swish": lambda x, a: F.silu(x),
    "elu": lambda x, a: F.elu(x),
    "selu": lambda x, a: F.selu(x),
    "gelu": lambda x, a: F.gelu(x),
    "gelu_tanh": lambda x, a: F.gelu(x, approximate="tanh"),
    "mish": lambda x, a: F.mish(x),
    "softplus": lambda x, a: F.softplus(x),
}


def main():
    p = argparse.ArgumentParser()
    for flag in ["weights", "data", "out", "optimizer", "act"]:
        p.add_argument(f"--{flag}", required=True)
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--lr", type=float, required=True)
    args = p.parse_args()
    spec = json.load(open(args.weights))
    data = json.load(open(args.data))
    act = ACTIVATIONS[args.act]

    layers = []
    for i, layer in enumerate(spec["layers"]):
        W = torch.tensor(layer["W"], dtype=torch.float32, requires_grad=True)
        b = torch.tensor(layer["b"], dtype=torch.float32, requires_grad=True)
        alpha = None
        if args.act == "prelu" and i < len(spec["layers"]) - 1:
            value = layer.get("alpha", 0.25)
            alpha = torch.tensor(value if isinstance(value, list) else [value], dtype=torch.float32, requires_grad=True)
        layers.append((W, b, alpha, isinstance(layer.get("alpha"), list)))
    params = [t for W, b, a, _ in layers for t in (W, b, a) if t is not None]
    opt = torch.optim.SGD(params, lr=args.lr) if args.optimizer == "sgd" else torch.optim.Adam(params, lr=args.lr)

    def values(get):
        out = []
        for W, b, a, per_unit in layers:
            entry = {"W": get(W).tolist(), "b": get(b).tolist()}
            if a is not None:
                entry["alpha"] = get(a).tolist() if per_unit else get(a).item()
            out.append(entry)
        return out

    result = {"losses": []}
    batches = data["batches"]
    for k in range(args.steps):
        batch = batches[k % len(batches)]
        h = torch.tensor(batch["x"], dtype=torch.float32)
        for i, (W, b, a, _) in enumerate(layers):
            h = h @ W.T + b
            if i < len(layers) - 1:
                h = act(h, a)
        loss = F.cross_entropy(h, torch.tensor(batch["y"]))
        opt.zero_grad()
        loss.backward()
        result["losses"].append(loss.item())
        if k == 0:
            grad = lambda t: t.grad if t.grad is not None else torch.zeros_like(t)
            result["grads_step0"] = values(grad)
            result["grad_norms_step0"] = [
                {k: (v if isinstance(v, float) else torch.tensor(v).norm().item()) for k, v in e.items()}
                for e in result["grads_step0"]
            ]
            for e in result["grad_norms_step0"]:
                if "alpha" in e:
                    e["alpha"] = abs(e["alpha"])
        opt.step()
    result["final"] = values(lambda t: t.detach())
    json.dump(result, open(args.out, "w"))


if __name__ == "__main__":
    main()
