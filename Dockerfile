# syntax=docker/dockerfile:1
# otai in a container: built from this repository, run on a jlink-trimmed Java runtime as a non-root user, with
# its store on the /data volume and a health check on /health.
#
#   docker build -t otai .
#   docker run -d --name otai -v otai-data:/data -v "$PWD/config.yml:/etc/otai/config.yml:ro" -p 8080:8080 otai
#
# See docs/deployment.md (which also says what of this has been run where).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# The release archive, as `./mvnw package` makes it (tests run in CI, not in the image build).
# The shipped config seeds the local ticket system from a path relative to the working directory; in the image
# that is /data, so it points at the installation's sample tickets instead.
RUN ./mvnw -B -ntp -q -DskipTests -pl otai-dist -am package \
 && mkdir /otai && tar xzf otai-dist/target/otai-*.tar.gz -C /otai --strip-components=1 \
 && sed -i 's#seed: data/sample-tickets/#seed: /opt/otai/data/sample-tickets/#' /otai/config/config.yml
# A runtime with the modules otai uses (jdeps over the jar, plus TLS, charsets, locales and zip file systems):
# 78 MB instead of the JDK's 300.
RUN jlink --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml.crypto,jdk.attach,jdk.charsets,jdk.crypto.ec,\
jdk.crypto.cryptoki,jdk.jdi,jdk.localedata,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs \
      --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output /runtime

FROM debian:bookworm-slim
RUN groupadd --system --gid 10001 otai \
 && useradd --system --uid 10001 --gid otai --home-dir /data --shell /usr/sbin/nologin otai \
 && install -d -o otai -g otai -m 0700 /data \
 && install -d -m 0755 /etc/otai
COPY --from=build /runtime /opt/java
COPY --from=build /otai /opt/otai
COPY --from=build /otai/config/config.yml /etc/otai/config.yml
# The launcher takes this JDK; the store lands in /data (the working directory); the HTTP server listens on all
# interfaces of the container so that the published port and the health check reach it.
ENV OTAI_JAVA=/opt/java/bin/java \
    OTAI_CONFIG=/etc/otai/config.yml \
    OTAI__INFRASTRUCTURE__STORAGE__DATA_DIR=/data \
    OTAI__INFRASTRUCTURE__HTTP__HOST=0.0.0.0 \
    OTAI__INFRASTRUCTURE__HTTP__PORT=8080
WORKDIR /data
VOLUME /data
USER otai
EXPOSE 8080
# /health answers 200 while the orchestrator runs. bash's /dev/tcp needs no curl in the image; a loopback Host
# header is always allowed.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
# exec'd by the launcher, so SIGTERM from `docker stop` reaches the engine (in-flight runs finish, exit 0).
ENTRYPOINT ["/opt/otai/bin/otai"]
CMD ["run"]
