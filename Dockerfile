# sovai: the Slack/Discord bot for sovereign-AI news, as a container.
#
#   docker build -t sovai .
#   docker run -d --name sovai -v sovai-data:/data \
#       -e SLACK_BOT_TOKEN -e DISCORD_BOT_TOKEN sovai          # runs `sovai run`
#   docker run --rm sovai --version                            # any other subcommand
#   docker run --rm -v sovai-data:/data sovai digest --preview
#
# Or use docker-compose.yml next to this file. Secrets come from the environment (or
# NAME_FILE variables pointing at mounted files), never from the image or config file.

ARG PYTHON_VERSION=3.11
FROM python:${PYTHON_VERSION}-slim

LABEL org.opencontainers.image.title="sovai" \
      org.opencontainers.image.description="Self-hosted Slack and Discord bot for sovereign-AI news" \
      org.opencontainers.image.source="https://github.com/sovai-bot/sovai" \
      org.opencontainers.image.licenses="MIT"

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    MPLCONFIGDIR=/app/.matplotlib

# An unprivileged user with a fixed uid/gid (so volume ownership is predictable), and
# the data directory it owns. /data must exist and be chowned *before* VOLUME below, so
# that a fresh named volume starts out writable by that user.
RUN groupadd --gid 10001 sovai \
 && useradd --uid 10001 --gid sovai --no-log-init --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin sovai \
 && mkdir -p /data \
 && chown sovai:sovai /data

WORKDIR /app

# Dependencies first, from pyproject.toml alone: this layer is rebuilt only when the
# dependency list changes, not on every code change.
COPY pyproject.toml README.md /src/
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('/src/pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt \
 && rm -f /tmp/requirements.txt

# Then the package itself (dependencies are already satisfied, so this is quick). The
# source tree is removed afterwards: only the installed package is used at run time.
COPY bot/ /src/bot/
RUN pip install --no-cache-dir /src \
 && rm -rf /src \
 && sovai --version

# matplotlib's font cache, built now: the first chart a user asks for does not pay for it,
# and a read-only container does not try to write it.
RUN mkdir -p "$MPLCONFIGDIR" \
 && python -c "import matplotlib.font_manager" \
 && chown -R sovai:sovai "$MPLCONFIGDIR"

# Default configuration at the default path (config/sovai.yaml relative to WORKDIR);
# docker-compose.yml mounts the host's copy over it read-only.
COPY config/ /app/config/

ENV SOVAI_CONFIG=/app/config/sovai.yaml \
    DATABASE_URL=sqlite:////data/sovai.db \
    SOVAI_HEARTBEAT=/data/heartbeat

VOLUME ["/data"]

USER 10001:10001

# `sovai run` writes $SOVAI_HEARTBEAT every 60 s; `sovai health` exits 0 while the last
# beat is younger than 5 minutes.
HEALTHCHECK --interval=60s --timeout=10s --start-period=2m --retries=3 \
    CMD ["sovai", "health"]

ENTRYPOINT ["sovai"]
CMD ["run"]
