# syntax=docker/dockerfile:1

# ---- build: fat jar with the Maven Wrapper ----------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the wrapper's Maven) across builds.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -ntp -DskipTests package

# ---- runtime ----------------------------------------------------------------
FROM eclipse-temurin:25-jre

# Fixed uid/gid so that volume and bind-mount ownership is predictable.
RUN groupadd --gid 10001 kglab \
    && useradd --uid 10001 --gid 10001 --home-dir /data/home --no-create-home \
               --shell /usr/sbin/nologin kglab \
    && mkdir -p /app /data/home /data/tmp \
    && chown -R 10001:10001 /data

COPY --from=build /src/target/kglab-backend.jar /app/kglab-backend.jar

ENV KGLAB_DATA_DIR=/data \
    MICRONAUT_SERVER_PORT=8080 \
    KGLAB_HEAP=512m
VOLUME ["/data"]
USER 10001:10001
WORKDIR /data
EXPOSE 8080

# No curl or wget in this image: bash's /dev/tcp speaks just enough HTTP.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MICRONAUT_SERVER_PORT:-8080} && printf 'GET /health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]

# JNA and PDFBox write caches to ~ and the temp dir: keep both
# on the data volume (created here too, for a bind mount that starts empty).
# The service's heap is KGLAB_HEAP (512m); text extraction runs in child processes with heaps of their own
# (KGLAB_EXTRACTION_HEAP_MB each, at most KGLAB_EXTRACTION_PROCESSES of them): size the container for both.
# Extra JVM flags: JAVA_OPTS (they come last, so they win). Arguments after the image name go to the app.
ENTRYPOINT ["/bin/sh", "-c", "mkdir -p \"$KGLAB_DATA_DIR/home\" \"$KGLAB_DATA_DIR/tmp\" && exec java -Xmx\"${KGLAB_HEAP:-512m}\" -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Duser.home=\"$KGLAB_DATA_DIR/home\" -Djava.io.tmpdir=\"$KGLAB_DATA_DIR/tmp\" $JAVA_OPTS -jar /app/kglab-backend.jar \"$@\"", "kglab-backend"]
