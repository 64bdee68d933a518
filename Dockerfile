# syntax=docker/dockerfile:1
# onramp's image: compiled JavaScript on plain node, production dependencies only, non-root, read-only root friendly.
# Build: docker build -t onramp . ; run: docker run --read-only -v onramp-data:/data --env-file .env -p 3000:3000 onramp

ARG NODE_IMAGE=node:20.20-bookworm-slim

# Compilers are needed only where better-sqlite3 may build from source (when its prebuilt binary cannot be fetched).
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# Build stage: every dependency (TypeScript included) and `npm run build` → dist/.
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY content ./content
RUN npm run build

# Production dependencies only, installed from the lock file.
FROM toolchain AS deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Runtime: no compilers, no npm in the process tree, tini as PID 1 so signals reach node and zombies are reaped.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data \
  && chown 1000:1000 /data
WORKDIR /app
ENV NODE_ENV=production \
  PORT=3000 \
  DATABASE_URL=sqlite:/data/onramp.db \
  CONTENT_DIR=/app/content
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY content ./content
# The only writable place the bot needs: its SQLite file (unused on PostgreSQL). The root filesystem may be read-only.
VOLUME ["/data"]
# The image's `node` user, by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000
# No curl in slim images: node itself asks /healthz.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
