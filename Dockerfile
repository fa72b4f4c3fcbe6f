# One image for web and worker (the compose file picks the command). Debian Node 20, pinned pnpm.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@12.4.2
WORKDIR /app
COPY . .
ENV npm_config_nodedir=/usr/local
RUN pnpm install --frozen-lockfile \
 && (cd packages/db && ./node_modules/.bin/prisma generate) \
 && (cd apps/web && ./node_modules/.bin/next build)
ENV NODE_ENV=production ACTLAB_DATA_DIR=/data DATABASE_URL=file:/data/actlab.db
VOLUME /data
