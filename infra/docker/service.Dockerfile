# One image per service: docker compose build passes SERVICE (the module name). Build the jars first:
#   ./mvnw -B -ntp -DskipTests package
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=project-intake -t fundflow/project-intake .
FROM eclipse-temurin:17-jre
ARG SERVICE
# curl for the container healthcheck (GET /actuator/health/readiness); installed explicitly because
# the base image does not promise it
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 fundflow
WORKDIR /app
# the boot jar as unpacked at package time (target/extracted: the application jar, its manifest's Class-Path
# naming lib/*.jar): it starts in about half the time of the nested boot jar (docs/benchmarks.md, issue 20 (e))
COPY services/${SERVICE}/target/extracted/lib /app/lib
COPY services/${SERVICE}/target/extracted/${SERVICE}-0.1.0-SNAPSHOT.jar /app/service.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TrimNativeHeapInterval=5000 -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:NewRatio=3 -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
