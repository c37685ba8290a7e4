# syntax=docker/dockerfile:1
# The three web apps behind one nginx: storefront on 8080, kiosk on 8081, admin on 8082, each also
# proxying /api/<service>/ to the services. Build context: the repository root.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install, not npm ci: see service.Dockerfile.
RUN npm install --no-audit --no-fund
COPY . .
# Each app's vite.config.mts sets its own root and writes to dist/apps/<app>.
RUN for app in storefront kiosk admin; do \
      npx vite build --config "apps/${app}/vite.config.mts" || exit 1; \
    done

FROM nginx:1.27-alpine AS runtime
COPY infra/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY infra/nginx/api-proxy.conf infra/nginx/spa.conf /etc/nginx/fupin/
COPY --from=build /app/dist/apps/storefront /usr/share/nginx/html/storefront
COPY --from=build /app/dist/apps/kiosk /usr/share/nginx/html/kiosk
COPY --from=build /app/dist/apps/admin /usr/share/nginx/html/admin
EXPOSE 8080 8081 8082
