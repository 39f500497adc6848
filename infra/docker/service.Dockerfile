# One image per service: docker compose build passes SERVICE (the module name). Build the jars first:
#   ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 fundflow
WORKDIR /app
COPY services/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar /app/service.jar
USER fundflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
