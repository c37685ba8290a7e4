# syntax=docker/dockerfile:1
# One image per backend service: docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=ledger .
# The build context is the repository root; service.Dockerfile.dockerignore (beside this file) keeps
# node_modules, dist and local data out of it.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, so editing sources does not reinstall them.
COPY package.json package-lock.json ./
# npm ci rejects lockfiles written against this project's registry mirror; npm install still
# follows the lockfile's versions.
RUN npm install --no-audit --no-fund
COPY . .
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "Pass --build-arg SERVICE=registry|ledger|market|dividends" >&2; exit 1; }
# Compiles apps/${SERVICE}/src and the libs it uses into dist/node/, mirroring the repository layout.
RUN node tools/build/services.mjs "${SERVICE}"

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional: the embedded PostgreSQL binaries are for development and tests only.
RUN npm install --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/node ./dist/node
COPY infra/docker/service-healthcheck.mjs ./healthcheck.mjs
ARG SERVICE
# Kept in the environment so the command and the health check know which service this image is.
ENV SERVICE=${SERVICE}
# The node image's unprivileged user; the service writes nothing to disk.
USER node
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 CMD ["node", "/app/healthcheck.mjs"]
# exec: node replaces the shell and receives SIGTERM directly.
CMD ["sh", "-c", "exec node dist/node/apps/${SERVICE}/src/main.js"]
