# wirewatch worker image (used by docker-compose.yml and deploy/k8s; not built in this repo's CI).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY wirewatch ./wirewatch
COPY agents ./agents
COPY deploy/alerts ./deploy/alerts
# numba compiles the dedup hashing kernels at build time into NUMBA_CACHE_DIR (readable by the
# worker user), so a container does not pay the few seconds of compiling at start.
ENV NUMBA_CACHE_DIR=/app/.numba-cache
RUN pip install --no-cache-dir . \
 && python -c "import wirewatch.dedup.minhash" \
 && useradd --uid 10001 --create-home wirewatch \
 && mkdir -p /var/lib/wirewatch && chown 10001 /var/lib/wirewatch \
 && chmod -R a+rX /app/.numba-cache
ENV WIREWATCH_DATA_DIR=/var/lib/wirewatch WIREWATCH_WEB_HOST=0.0.0.0 \
    WIREWATCH_ALERT_RULES=/app/deploy/alerts/rules.yaml
USER 10001
EXPOSE 6066
CMD ["wirewatch", "worker", "-l", "info"]
