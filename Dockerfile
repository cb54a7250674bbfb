# syntax=docker/dockerfile:1
#
# Build:  docker build -t coalition-qa-bot .
# Run:    docker run -d --name qa-bot --env-file .env -v qa-bot-data:/data -p 8080:8080 coalition-qa-bot
# See docs/operations.md ("Run in a container"). test/ops/dockerfile.test.ts checks the rules this file follows.

# ---- toolchain: compilers for better-sqlite3 ---------------------------------
# better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded.
FROM node:24-bookworm-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# ---- build: TypeScript → dist/, with the dev dependencies ------------------
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

# ---- prod-deps: production dependencies only -------------------------------
FROM toolchain AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# ---- runtime: no compilers, no dev dependencies, not root --------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HEALTH_PORT=8080 DATA_DIR=/data
WORKDIR /app
# Owned by node before VOLUME: a named volume starts as a copy of this directory.
RUN mkdir -p /data && chown node:node /data
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The bundled articles; mount your own over /app/corpus to replace them.
COPY corpus ./corpus
# The English–Arabic lexicon English questions are translated with (GPL-2+, see lexicon/README.md).
COPY lexicon ./lexicon
USER node
VOLUME /data
EXPOSE 8080
# slim has no curl: ask node. Fails when HEALTH_PORT is 0 (server off): keep it on in the container.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form: node is PID 1 and receives SIGTERM itself (a shell would swallow it).
CMD ["node", "dist/src/main.js"]
