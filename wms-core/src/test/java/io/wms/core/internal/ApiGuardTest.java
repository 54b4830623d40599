package io.wms.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;

import io.wms.core.auth.Reads;
import io.wms.core.error.InternalException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ValidationException;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The API boundary lets nothing but a {@code WmsException} out: a failure wms did not foresee becomes an
 * {@link InternalException} with the original as its cause.
 */
class ApiGuardTest {

    /** A stand-in API: each method fails the way a defect inside a service would. */
    interface Shelf {
        @Reads({})
        Object dateTime();

        @Reads({})
        Object illegalState();

        @Reads({})
        Object numberFormat();

        @Reads({})
        Object notFound();

        @Reads({})
        Object outOfMemory();

        @Reads({})
        Object echo(Object value);
    }

    private static final OutOfMemoryError OUT_OF_MEMORY = new OutOfMemoryError("test");

    /** Never asked for a connection: outside any transaction an operation runs its work as it is. */
    private static final Transactions NO_DATABASE = new Transactions(new PGSimpleDataSource(),
            new DefaultConfiguration(), StatementLog.SILENT);

    private final Shelf guarded = ApiGuard.operations("shelf", Shelf.class, new Shelf() {
        @Override
        public Object dateTime() {
            return Instant.MAX.atOffset(ZoneOffset.UTC);
        }

        @Override
        public Object illegalState() {
            throw new IllegalStateException("broken invariant");
        }

        @Override
        public Object numberFormat() {
            return Long.parseLong("not a number");
        }

        @Override
        public Object notFound() {
            throw new NotFoundException("batch", 7L);
        }

        @Override
        public Object outOfMemory() {
            throw OUT_OF_MEMORY;
        }

        @Override
        public Object echo(Object value) {
            return value;
        }
    }, LiveActors.AS_GIVEN, NO_DATABASE, OperationObserver.NONE);

    @Test
    void aDateTimeExceptionLeavesAsAnInternalExceptionCausedByIt() {
        assertThatThrownBy(guarded::dateTime)
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("Shelf.dateTime")
                .hasCauseInstanceOf(DateTimeException.class);
    }

    @Test
    void anIllegalStateExceptionLeavesAsAnInternalExceptionCausedByIt() {
        assertThatThrownBy(guarded::illegalState)
                .isInstanceOf(InternalException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNumberFormatExceptionLeavesAsAnInternalExceptionCausedByIt() {
        assertThatThrownBy(guarded::numberFormat)
                .isInstanceOf(InternalException.class)
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void aWmsExceptionLeavesAsItIs() {
        assertThatThrownBy(guarded::notFound).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void anErrorIsNeitherCaughtNorWrapped() {
        assertThatThrownBy(guarded::outOfMemory).isSameAs(OUT_OF_MEMORY);
    }

    @Test
    void aNullArgumentIsRefusedByName() {
        assertThatThrownBy(() -> guarded.echo(null)).isInstanceOf(ValidationException.class);
        assertThat(guarded.echo("x")).isEqualTo("x");
    }
}
