# Build stage: install the package and its dependencies into a venv.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service ./service
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --upgrade pip \
 && /opt/venv/bin/pip install --no-cache-dir .

# Runtime stage: the venv, the shipped corpus and the spec; no compilers.
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 quotes \
 && mkdir /data && chown quotes /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY quotes ./quotes
COPY openapi.yaml ./
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    QUOTES_DB_PATH=/data/quotes.sqlite3 \
    QUOTES_CORPUS_DIR=/app/quotes \
    QUOTES_HOST=0.0.0.0 \
    QUOTES_PORT=8000 \
    QUOTES_WORKERS=2
USER quotes
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/v1/health', timeout=2)"
CMD ["gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"]
