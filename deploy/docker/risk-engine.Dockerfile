# syntax=docker/dockerfile:1
# services/risk-engine: catch-up over the customer streams → fold → signals → score → risk events.
#
#   docker build -f deploy/docker/risk-engine.Dockerfile -t churn/risk-engine:0.1.0 .     (from the repository root)
#
# Three stages: deps (npm ci with the native toolchain), build (`nx run risk-engine-service:build`:
# tsc to dist/risk-engine, @churn/* aliases as tiny packages, then dev dependencies pruned) and
# runtime (Node, the production node_modules and the compiled service; no compiler, no
# sources, not root). Settings come from the environment (README "Configuration").
# Not built or run on the project's machines, which have no Docker engine: deploy/README.md.

FROM node:20.20.2-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 is a native addon: when no prebuilt binary can be fetched it compiles, against
# the headers this Node image ships (the repository's .npmrc points nodedir at Debian's /usr).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY nx.json tsconfig.base.json ./
COPY libs ./libs
COPY services ./services
COPY deploy/build ./deploy/build
RUN npx nx run risk-engine-service:build --skip-nx-cache \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3002
WORKDIR /app
# Owned by root and read-only for the service's user: the image cannot be changed from inside.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/risk-engine ./dist
COPY deploy/docker/healthcheck.js ./healthcheck.js
# The versioned policy files; Kubernetes mounts its ConfigMap over them (deploy/k8s).
COPY deploy/policy ./deploy/policy
USER node
EXPOSE 3002
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "healthcheck.js"]
# A 64 MiB semi-space: the per-event objects of the fold and decode die young instead of being
# promoted (the risk engine's catch-up of 10 M events: 12% less time, README);
# test/support/service-node-flags.ts holds the tests' and benchmarks' processes to the same flags.
ENTRYPOINT ["node", "--enable-source-maps", "--max-semi-space-size=64", "dist/services/risk-engine/src/main.js"]
