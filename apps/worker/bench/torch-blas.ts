/** What BLAS PyTorch ran on, from torch_train.py's report, and whether a ratio against it means anything. */
export type TorchBlasReport = {
  torch: string;
  blas_info: string[];
  cpu_capability: string | null;
  libraries: string[];
  openblas: { corename: string; config: string } | null;
  threadpools: unknown[] | null;
  threads: number;
  env: Record<string, string | null>;
};

export type BlasKind = "openblas" | "mkl" | "reference" | "unknown";

/** Debian's netlib reference BLAS lives in .../blas/libblas.so.3; OpenBLAS and MKL name themselves in the path. */
export function blasKind(report: TorchBlasReport): BlasKind {
  const libs = report.libraries.join(" ");
  if (report.openblas || /openblas/i.test(libs)) return "openblas";
  if (/mkl/i.test(libs) || report.blas_info.some((l) => /^BLAS_INFO=mkl/i.test(l))) return "mkl";
  if (/\/blas\/libblas\.so/.test(libs)) return "reference";
  return "unknown";
}

/** A ratio is printed only against an optimised BLAS: the reference one is ~15x slower and flatters us. */
export function ratioRefusal(report: TorchBlasReport): string | null {
  const kind = blasKind(report);
  if (kind === "openblas" || kind === "mkl") return null;
  return kind === "reference"
    ? "PyTorch ran on the reference BLAS: install libopenblas0-pthread for a meaningful yardstick"
    : `PyTorch's BLAS is not recognised (${report.libraries.join(", ") || "none mapped"})`;
}
