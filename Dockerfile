# wirewatch worker image (used by docker-compose.yml and deploy/k8s; not built in this repo's CI).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY wirewatch ./wirewatch
COPY agents ./agents
COPY deploy/alerts ./deploy/alerts
RUN pip install --no-cache-dir . \
 && useradd --uid 10001 --create-home wirewatch \
 && mkdir -p /var/lib/wirewatch && chown 10001 /var/lib/wirewatch
ENV WIREWATCH_DATA_DIR=/var/lib/wirewatch WIREWATCH_WEB_HOST=0.0.0.0 \
    WIREWATCH_ALERT_RULES=/app/deploy/alerts/rules.yaml
USER 10001
EXPOSE 6066
CMD ["wirewatch", "worker", "-l", "info"]
