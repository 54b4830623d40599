package io.wms.testkit;

/**
 * Where the PostgreSQL server behind a {@link WmsTestServer} comes from.
 */
public enum TestServerMode {
    /** A server the environment names with {@code WMS_TEST_JDBC_URL}; the testkit neither starts nor stops it. */
    EXTERNAL,
    /** A container started by Testcontainers, because a Docker engine answered. */
    TESTCONTAINERS,
    /** PostgreSQL binaries from Maven, run as a child process; needs neither Docker nor an installed server. */
    EMBEDDED
}
