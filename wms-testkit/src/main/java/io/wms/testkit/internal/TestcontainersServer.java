package io.wms.testkit.internal;

import io.wms.testkit.TestDatabaseException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts PostgreSQL in a container with Testcontainers, when a Docker engine answers.
 *
 * <p>Internal: not part of the testkit's API.
 */
public final class TestcontainersServer {

    /** The image used: the same major version as the embedded binaries. */
    public static final String IMAGE = "postgres:18-alpine";

    private TestcontainersServer() {
    }

    /**
     * Tells why no container can be started here.
     *
     * @return {@code null} if a Docker engine answers; otherwise the reason, for a log line
     */
    public static String dockerProblem() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? null : "Testcontainers found no engine";
        } catch (RuntimeException | LinkageError e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Starts a new container.
     *
     * @return its endpoint; closing it stops the container (Testcontainers also does at JVM exit)
     * @throws TestDatabaseException if the container does not start
     */
    public static ServerEndpoint start() {
        try {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                    .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                            "-c", "full_page_writes=off", "-c", "max_connections=300");
            container.start();
            return new ServerEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    container::stop);
        } catch (RuntimeException e) {
            throw new TestDatabaseException("The PostgreSQL container did not start: " + e.getMessage(), e);
        }
    }
}
