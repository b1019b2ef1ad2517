# sovai: the Slack/Discord bot for sovereign-AI news, as a container.
#
#   docker build -t sovai .
#   docker run -d --name sovai -v sovai-data:/data --read-only --tmpfs /tmp \
#       -e SLACK_BOT_TOKEN -e DISCORD_BOT_TOKEN sovai      # runs `sovai run`
#   docker run --rm sovai --version                        # any other subcommand
#   docker run --rm --read-only --tmpfs /tmp sovai demo    # what it does, offline
#
# Or use docker-compose.yml next to this file. Secrets come from the environment (or
# NAME_FILE variables pointing at mounted files), never from the image or config file.
#
# Two stages. `build` installs the exact versions of requirements*.lock, each file checked
# against its hash (pip --require-hashes), into a venv at /opt/sovai; the final stage is a
# fresh base image plus that venv: no build tools, no compiler, no pip in the venv.
# `make lock` keeps the locks in step with pyproject.toml (`make test` checks it).

ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PYTHONDONTWRITEBYTECODE=1

# The pinned build tools (pip, setuptools, wheel) in a venv of their own, left behind here.
COPY requirements-build.lock /locks/
RUN python -m venv /opt/build \
 && /opt/build/bin/pip install --no-deps --require-hashes -r /locks/requirements-build.lock

# The dependencies, a layer rebuilt only when the lock changes. Every one is a prebuilt
# wheel (so no compiler is needed anywhere) except unidic-lite, pure Python published only
# as source, built here by the pinned setuptools. The target venv has no pip of its own:
# the build venv's pip installs into it.
COPY requirements.lock /locks/
RUN /opt/build/bin/pip wheel --no-deps --require-hashes --no-build-isolation \
        --only-binary :all: --no-binary unidic-lite \
        --wheel-dir /wheels -r /locks/requirements.lock \
 && python -m venv --without-pip /opt/sovai \
 && /opt/build/bin/pip --python /opt/sovai/bin/python install --no-index --no-deps /wheels/*.whl \
 && rm -rf /wheels

# Then the package itself (its dependencies are all there, so --no-deps).
COPY pyproject.toml README.md /src/
COPY bot/ /src/bot/
RUN /opt/build/bin/pip wheel --no-deps --no-build-isolation --wheel-dir /src/dist /src \
 && /opt/build/bin/pip --python /opt/sovai/bin/python install --no-index --no-deps /src/dist/*.whl \
 && /opt/sovai/bin/sovai --version


FROM python:${PYTHON_VERSION}-slim

LABEL org.opencontainers.image.title="sovai" \
      org.opencontainers.image.description="Self-hosted Slack and Discord bot for sovereign-AI news" \
      org.opencontainers.image.source="https://github.com/sovai-bot/sovai" \
      org.opencontainers.image.licenses="MIT"

# matplotlib's font cache goes to /tmp: the root file system may be read-only (as in
# docker-compose.yml), and matplotlib ignores a cache directory it cannot write.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/sovai/bin:$PATH \
    MPLCONFIGDIR=/tmp/matplotlib

# An unprivileged user with a fixed uid/gid (so volume ownership is predictable), and
# the data directory it owns. /data must exist and be chowned *before* VOLUME below, so
# that a fresh named volume starts out writable by that user.
RUN groupadd --gid 10001 sovai \
 && useradd --uid 10001 --gid sovai --no-log-init --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin sovai \
 && mkdir -p /data \
 && chown sovai:sovai /data

COPY --from=build /opt/sovai /opt/sovai

WORKDIR /app

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
