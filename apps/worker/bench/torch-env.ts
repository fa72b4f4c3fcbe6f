/** How the benches run PyTorch: Debian's python3 with `threads` BLAS threads (one unless said) and the kernel OpenBLAS picks for this CPU. */

export const PYTHON = "/usr/bin/python3";

// OpenBLAS's kernel overrides that this environment may set: they would pin PyTorch to an older kernel
// than a user's machine picks, so the yardstick's command runs without them (and only that command).
export const OPENBLAS_OVERRIDES = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"] as const;

export function torchEnv(threads = 1): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // torch_train.py's torch.set_num_threads; it leaves OpenBLAS's own pool alone: without these it uses
    // every core.
    ACTLAB_TORCH_THREADS: String(threads),
    OPENBLAS_NUM_THREADS: String(threads),
    OMP_NUM_THREADS: String(threads),
    MKL_NUM_THREADS: String(threads),
  };
  for (const key of OPENBLAS_OVERRIDES) delete env[key];
  return env;
}
