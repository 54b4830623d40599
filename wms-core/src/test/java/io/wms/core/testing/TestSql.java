package io.wms.core.testing;

import java.sql.Connection;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A test's own jOOQ context on a testkit database. The generated classes belong to the schema {@code public} they
 * were generated from; rendered without it, their names resolve through the testkit connections' search_path,
 * which starts with the wms schema.
 */
public final class TestSql {

    private static final Settings UNQUALIFIED = new Settings().withRenderSchema(false);

    private TestSql() {
    }

    /**
     * Returns a context on a data source.
     *
     * @param dataSource a testkit data source
     * @return the context
     */
    public static DSLContext on(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES, UNQUALIFIED);
    }

    /**
     * Returns a context on one connection.
     *
     * @param connection a connection to a testkit database
     * @return the context
     */
    public static DSLContext on(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES, UNQUALIFIED);
    }
}
