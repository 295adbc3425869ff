# wirewatch worker image (used by docker-compose.yml; not built in this repo's CI).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY wirewatch ./wirewatch
COPY agents ./agents
RUN pip install --no-cache-dir .
ENV WIREWATCH_DATA_DIR=/var/lib/wirewatch WIREWATCH_WEB_HOST=0.0.0.0
EXPOSE 6066
CMD ["wirewatch", "worker", "-l", "info"]
