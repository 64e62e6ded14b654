# The lsr-token-plugin web server image: the built plugin served by nginx over HTTPS on 9443, as a non-root
# user, with the same nginx configuration as the Helm chart (which mounts its ConfigMap over it).
#
#   podman build -t quay.io/<org>/lsr-token-plugin:0.1.0 .
#   podman push quay.io/<org>/lsr-token-plugin:0.1.0

# Build stage: Node 20, the locked dependencies, the production build into dist/.
FROM registry.access.redhat.com/ubi9/nodejs-20:latest AS build
WORKDIR /opt/app-root/src
COPY --chown=1001:0 package.json package-lock.json ./
# No install scripts: the build needs none, and none should run with network access here.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY --chown=1001:0 . .
RUN npm run build

# Runtime stage: nginx on UBI 9, running as an arbitrary non-root user (OpenShift's restricted SCC).
FROM registry.access.redhat.com/ubi9/nginx-124:latest
LABEL name="lsr-token-plugin" \
      summary="OpenShift console plugin for IBM License Service Reporter's API token" \
      description="Serves the lsr-token-plugin console plugin over HTTPS on port 9443." \
      io.k8s.display-name="License Service Reporter token console plugin" \
      io.openshift.tags="openshift,console-plugin"
COPY --from=build /opt/app-root/src/dist /opt/app-root/src
COPY charts/lsr-token-plugin/files/nginx.conf /etc/nginx/lsr-token-plugin/nginx.conf
USER 1001
EXPOSE 9443
# The configuration expects the serving certificate in /var/serving-cert (tls.crt, tls.key) and a writable
# /tmp; it logs to stdout and stderr and stays in the foreground.
CMD ["nginx", "-c", "/etc/nginx/lsr-token-plugin/nginx.conf", "-e", "/dev/stderr"]
