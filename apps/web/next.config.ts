import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages are consumed as TypeScript source.
  transpilePackages: [
    "@actlab/analysis",
    "@actlab/api",
    "@actlab/core",
    "@actlab/datasets",
    "@actlab/db",
    "@actlab/env",
    "@actlab/queue",
    "@actlab/tracking",
  ],
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "bullmq", "ioredis"],
  allowedDevOrigins: ["127.0.0.1"],
  devIndicators: false,
  poweredByHeader: false,
};

export default config;
