package io.wms.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wms.benchmarks.StatementRecorder.RecordedOperation;
import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.RolePermissions;
import io.wms.core.inventory.PickAtLocation;
import io.wms.core.inventory.PickInWarehouse;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Location;
import io.wms.core.model.Product;
import io.wms.core.model.User;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewLocation;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewUser;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductQuery;
import io.wms.core.repository.ProductSort;
import io.wms.core.repository.SortDirection;
import io.wms.core.repository.TotalCount;
import io.wms.core.seed.SeedOptions;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The warehouse every benchmark of a fork works on: a pool on the database the runner loaded, wms on that pool,
 * the subjects of each operation, and the statements each operation sends, recorded for the JDBC baseline.
 */
@State(Scope.Benchmark)
public class Warehouse {

    /** How deep the deep page lies: this fraction of the live products, rounded down to a whole page. */
    static final double DEEP_PAGE_FRACTION = 0.5;
    /** How many bins the location-aware pick's product lies in, one batch in each. */
    static final int PICK_BINS = 5;
    /** Rows per listing page. */
    static final int PAGE_SIZE = 20;
    /** The first page with its exact total, as the Hibernate baseline reads it. */
    static final PageRequest FIRST_PAGE = PageRequest.first(PAGE_SIZE).withTotal(TotalCount.EXACT);
    /** The first page without a total: wms's default. */
    static final PageRequest FIRST_PAGE_UNCOUNTED = PageRequest.first(PAGE_SIZE);

    /** Acts for the benchmarks: a system actor, which wms trusts as the host's own code and checks no further. */
    static final Actor ACTOR = Actor.system("benchmark", EnumSet.allOf(Permission.class));

    private final String keyPrefix = "benchmark-" + UUID.randomUUID() + "-";
    private final AtomicLong keys = new AtomicLong();
    HikariDataSource pool;
    Wms wms;
    long productId;
    long trackedProductId;
    long pickProductId;
    /** A product with as many batches as {@link #pickProductId}, each in a bin of its own among the generated bins. */
    long binnedProductId;
    long binnedLocationId;
    long receiveBatchId;
    long warehouseId;
    ProductQuery byName;
    ProductQuery search;
    PageRequest deepPage;
    String deepCursor;
    Product lastBeforeDeepPage;
    /** A user holding the admin role, whose actor wms checks against the user's live roles at every call. */
    Actor userActor;

    RecordedOperation findById;
    RecordedOperation fullTracking;
    RecordedOperation firstPage;
    RecordedOperation firstPageUncounted;
    RecordedOperation deepOffsetPage;
    RecordedOperation deepKeysetPage;
    RecordedOperation nameSearch;
    RecordedOperation receive;
    RecordedOperation pick;
    RecordedOperation keyedPick;
    /** The idempotency key {@link #keyedPick} was recorded with, which its replays bind a fresh key in place of. */
    String recordedKey;
    RecordedOperation pickInWarehouse;
    RecordedOperation pickAtLocation;
    RecordedOperation inventoryReport;
    RecordedOperation findByIdAsUser;
    RecordedOperation pickAsUser;

    /**
     * Opens the pool and records every operation once.
     */
    @Setup(Level.Trial)
    public void open() {
        pool = pool(8);
        wms = Wms.create(pool);
        productId = wms.products().scroll(ACTOR, ProductQuery.all(), 1).items().get(0).id();
        trackedProductId = productWithHistory(10, 10);
        pickProductId = productWithHistory(PICK_BINS, 1);
        receiveBatchId = wms.batches().byProduct(ACTOR, pickProductId).get(0).id();
        warehouseId = wms.warehouses().defaultWarehouse(ACTOR).id();
        binnedProductId = productInBins();
        byName = new ProductQuery(null, null, null, null, null, null, null, null, ProductSort.NAME, SortDirection.ASC);
        search = new ProductQuery("widget", null, null, null, null, null, null, null, ProductSort.NAME,
                SortDirection.ASC);
        long depth = deepPageRows(wms.products().search(ACTOR, byName,
                PageRequest.first(1).withTotal(TotalCount.EXACT)).total().orElseThrow());
        deepPage = new PageRequest((int) (depth / PAGE_SIZE) + 1, PAGE_SIZE, TotalCount.EXACT);
        deepCursor = cursorAt(depth);
        lastBeforeDeepPage = wms.products().search(ACTOR, byName, new PageRequest((int) (depth / PAGE_SIZE), PAGE_SIZE))
                .items().get(PAGE_SIZE - 1);

        userActor = adminUser();

        StatementRecorder recorder = new StatementRecorder(pool);
        try (Wms recording = Wms.create(recorder.dataSource())) {
            findById = recorder.record(() -> recording.products().findById(ACTOR, productId));
            fullTracking = recorder.record(() -> recording.products().findWithFullTracking(ACTOR, trackedProductId));
            firstPage = recorder.record(() -> recording.products().search(ACTOR, byName, FIRST_PAGE));
            firstPageUncounted = recorder.record(() -> recording.products().search(ACTOR, byName,
                    FIRST_PAGE_UNCOUNTED));
            deepOffsetPage = recorder.record(() -> recording.products().search(ACTOR, byName, deepPage));
            deepKeysetPage = recorder.record(() -> recording.products().scroll(ACTOR, byName, PAGE_SIZE, deepCursor));
            nameSearch = recorder.record(() -> recording.products().search(ACTOR, search, FIRST_PAGE));
            receive = recorder.record(() -> recording.inventory().receiveInto(ACTOR,
                    new ReceiveIntoBatch(receiveBatchId, 1, null, null)));
            pick = recorder.record(() -> recording.inventory().pick(ACTOR,
                    new PickStock(pickProductId, 1, 0, null, null)));
            recordedKey = nextKey();
            keyedPick = recorder.record(() -> recording.inventory().pick(ACTOR,
                    new PickStock(pickProductId, 1, 0, null, recordedKey)));
            pickInWarehouse = recorder.record(() -> recording.inventory().pickInWarehouse(ACTOR,
                    new PickInWarehouse(warehouseId, binnedProductId, 1, 0, null, null)));
            pickAtLocation = recorder.record(() -> recording.inventory().pickAtLocation(ACTOR,
                    new PickAtLocation(binnedLocationId, binnedProductId, 1, 0, null, null)));
            inventoryReport = recorder.record(() -> recording.stockReports().inventoryReport(ACTOR));
            findByIdAsUser = recorder.record(() -> recording.products().findById(userActor, productId));
            pickAsUser = recorder.record(() -> recording.inventory().pick(userActor,
                    new PickStock(pickProductId, 1, 0, null, null)));
        }
    }

    /**
     * A key no pick used before, in this fork or any other: each keyed pick measured is a first request, never a
     * repetition answered from its stored result.
     *
     * @return the key
     */
    String nextKey() {
        return keyPrefix + keys.incrementAndGet();
    }

    /**
     * Closes wms and the pool.
     */
    @TearDown(Level.Trial)
    public void close() {
        wms.close();
        pool.close();
    }

    /**
     * The rows before the deep page, for a listing of so many products.
     *
     * @param products the live products
     * @return the depth in rows, a whole number of pages
     */
    static long deepPageRows(long products) {
        return (long) (products * DEEP_PAGE_FRACTION) / PAGE_SIZE * PAGE_SIZE;
    }

    static HikariDataSource pool(int size) {
        return pool(System.getProperty(BenchmarkRunner.URL_PROPERTY), System.getProperty(BenchmarkRunner.USER_PROPERTY),
                System.getProperty(BenchmarkRunner.PASSWORD_PROPERTY, ""), size);
    }

    static HikariDataSource poolFor(io.wms.testkit.WmsTestDatabase database, int size) {
        return pool(database.jdbcUrl(), database.username(), database.password(), size);
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("benchmark");
        return new HikariDataSource(config);
    }

    private Actor adminUser() {
        wms.seeding().run(ACTOR, SeedOptions.rolesOnly());
        User user = wms.users().create(ACTOR, new NewUser("benchmark-" + System.nanoTime() + "@example.com",
                "benchmark password " + System.nanoTime()));
        wms.roles().assign(ACTOR, user.id(), RolePermissions.ADMIN);
        return wms.auth().actorFor(user.id());
    }

    /**
     * A product with so many batches of so many receipts each: the first fork makes it, the others find it, so that
     * the forks add no products to the listings and reports they measure.
     */
    private long productWithHistory(int batches, int receiptsPerBatch) {
        String name = "Benchmark product " + batches + " x " + receiptsPerBatch;
        OptionalLong existing = single("select id from products where name = ?", name);
        if (existing.isPresent()) {
            return existing.getAsLong();
        }
        Product product = wms.products().create(ACTOR, new NewProduct(name, null, null, null));
        for (int batch = 0; batch < batches; batch++) {
            long batchId = wms.inventory().receive(ACTOR, new ReceiveStock(product.id(), "BENCH-" + batch,
                    100_000_000, null, LocalDate.now().plusYears(2).plusDays(batch), null, null)).batchId();
            for (int receipt = 1; receipt < receiptsPerBatch; receipt++) {
                wms.inventory().receiveInto(ACTOR, new ReceiveIntoBatch(batchId, 1, null, null));
            }
        }
        return product.id();
    }

    /**
     * A product whose batches, as many and as large as the pick product's, lie each in a bin of its own, appended to
     * the generated bins of the default warehouse: the location-aware pick walks them across the warehouse's bins.
     */
    private long productInBins() {
        String name = "Benchmark product in " + PICK_BINS + " bins";
        OptionalLong existing = single("select id from products where name = ?", name);
        if (existing.isPresent()) {
            binnedLocationId = single("select max(bl.location_id) from batch_locations bl join product_batches b"
                    + " on b.id = bl.product_batch_id join products p on p.id = b.product_id where p.name = ?", name)
                    .orElseThrow();
            return existing.getAsLong();
        }
        Product product = wms.products().create(ACTOR, new NewProduct(name, null, null, null));
        for (int batch = 0; batch < PICK_BINS; batch++) {
            Location bin = wms.locations().create(ACTOR, new NewLocation(warehouseId, null,
                    "BENCH-BIN-" + batch, null, batch));
            binnedLocationId = bin.id();
            wms.inventory().receiveAt(ACTOR, new ReceiveAtLocation(bin.id(), product.id(), "BENCH-BIN-" + batch,
                    100_000_000, null, LocalDate.now().plusYears(2).plusDays(batch), null, null));
        }
        return product.id();
    }

    /** The one number a query with one text parameter answers, if any. */
    private OptionalLong single(String query, String parameter) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    long value = result.getLong(1);
                    return result.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
                }
                return OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String cursorAt(long rows) {
        KeysetPage<Product> page = wms.products().scroll(ACTOR, byName, 100);
        Optional<String> cursor = page.nextCursor();
        for (int read = 100; read < rows; read += 100) {
            page = wms.products().scroll(ACTOR, byName, 100, cursor.orElseThrow());
            cursor = page.nextCursor();
        }
        return cursor.orElseThrow();
    }
}
