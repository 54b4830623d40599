package io.wms.testkit.internal.codegen;

import java.sql.Connection;
import java.sql.SQLException;

import io.wms.migration.WmsMigrations;
import io.wms.testkit.internal.EmbeddedServer;
import io.wms.testkit.internal.ServerEndpoint;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.meta.postgres.PostgresDatabase;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * A jOOQ code generation database that reads the schema from a real PostgreSQL, freshly started from the embedded
 * binaries and migrated with the wms migrations.
 *
 * <p>Named in {@code wms-jooq-generated}'s {@code jooq-codegen-maven} configuration, it makes generated code follow
 * the SQL migrations at every build: there is no checked-in schema to drift from them, and no server or Docker
 * engine has to be running.
 *
 * <p>Internal: a build tool, not part of the testkit's API.
 */
public class MigratedPostgresDatabase extends PostgresDatabase {

    private ServerEndpoint server;
    private Connection connection;

    @Override
    protected DSLContext create0() {
        return DSL.using(connection(), SQLDialect.POSTGRES);
    }

    private Connection connection() {
        if (connection == null) {
            server = EmbeddedServer.start();
            try {
                WmsMigrations.on(server.dataSource(server.maintenanceDatabase()), "public").migrate();
                connection = server.dataSource(server.maintenanceDatabase()).getConnection();
                setConnection(connection);
            } catch (SQLException e) {
                throw new DataAccessException("Cannot connect to the code generation database", e);
            }
        }
        return connection;
    }

    @Override
    public void close() {
        JDBCUtils.safeClose(connection);
        connection = null;
        if (server != null) {
            server.close();
            server = null;
        }
        super.close();
    }
}
