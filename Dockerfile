# syntax=docker/dockerfile:1
# Builds the atrium command (gateway and CLI in one jar) and runs `atrium serve` on a JRE.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dmaven.javadoc.skip=true -pl atrium-cli -am package

FROM eclipse-temurin:21-jre
# An unprivileged user; the audit store lives on the volume mounted at /var/lib/atrium.
RUN useradd --system --uid 10001 --home-dir /var/lib/atrium atrium \
    && mkdir -p /var/lib/atrium /etc/atrium && chown atrium /var/lib/atrium
COPY --from=build /src/atrium-cli/target/atrium.jar /opt/atrium/atrium.jar
USER 10001
EXPOSE 8080
# Exec form: the JVM is PID 1 and receives SIGTERM itself, so `serve` drains and exits 0.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/atrium/atrium.jar"]
CMD ["serve", "--config", "/etc/atrium/atrium.yaml"]
