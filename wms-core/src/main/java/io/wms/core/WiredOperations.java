package io.wms.core;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.wms.core.auth.AuthService;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.error.WmsException;
import io.wms.core.internal.ApiGuard;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.LiveActors;
import io.wms.core.internal.OperationDeclaration;
import io.wms.core.internal.OperationObserver;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.internal.catalog.CatalogServices;
import io.wms.core.internal.monitoring.MonitoringServices;
import io.wms.core.internal.people.Passwords;
import io.wms.core.internal.people.PeopleServices;
import io.wms.core.internal.seeding.SeedingServices;
import io.wms.core.internal.stock.StockServices;
import io.wms.core.inventory.CycleCountService;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.ReorderPoints;
import io.wms.core.inventory.ReservationService;
import io.wms.core.inventory.StockReports;
import io.wms.core.monitoring.Monitoring;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.LocationRepository;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.core.repository.ProductBatchTrackRepository;
import io.wms.core.repository.ProductRepository;
import io.wms.core.repository.RoleRepository;
import io.wms.core.repository.UserRepository;
import io.wms.core.repository.WarehouseRepository;
import io.wms.core.seed.Seeding;

/**
 * The repositories and services of one {@link Wms}, each built once, with every statement they render.
 *
 * <p>Each is wrapped once, as its operations ({@link ApiGuard#operations}), declared by the {@code Reads} and
 * {@code Writes} annotations of its interface: every user actor passed to any of them is checked against the
 * database ({@link PeopleServices#liveActors}) before the service sees it (the user must still be live, and the
 * actor acts with only the permissions their current roles grant), and must hold the permissions declared; each
 * call runs as one operation, under a savepoint inside a transaction someone else holds; and the listener hears of
 * it once its work is committed.
 *
 * <p>A transaction builds nothing: {@link #inTransaction} binds a connection to the calling thread through
 * {@link Transactions}, and hands the work these same services, whose statements then run on that connection.
 */
final class WiredOperations implements WmsOperations {

    private final Transactions transactions;
    private final LiveActors live;
    private final OperationListener listener;
    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final ProductRepository products;
    private final ProductBatchRepository batches;
    private final ProductBatchTrackRepository ledger;
    private final WarehouseRepository warehouses;
    private final LocationRepository locations;
    private final InventoryService inventory;
    private final CycleCountService cycleCounts;
    private final ReservationService reservations;
    private final ReorderPoints reorderPoints;
    private final StockReports stockReports;
    private final UserRepository users;
    private final RoleRepository roles;
    private final AuthService auth;
    private final Seeding seeding;
    private final Monitoring monitoring;

    WiredOperations(Transactions transactions, WmsSettings settings, DataSource dataSource, String schema,
                    OperationListener listener) {
        this.transactions = transactions;
        this.live = PeopleServices.liveActors(transactions);
        this.listener = listener;
        this.categories = wired("categories", CategoryRepository.class, CatalogServices.categories(transactions));
        this.brands = wired("brands", BrandRepository.class, CatalogServices.brands(transactions));
        this.products = wired("products", ProductRepository.class, CatalogServices.products(transactions, settings));
        this.batches = wired("batches", ProductBatchRepository.class, StockServices.batches(transactions, settings));
        this.ledger = wired("ledger", ProductBatchTrackRepository.class, StockServices.ledger(transactions));
        this.warehouses = wired("warehouses", WarehouseRepository.class, StockServices.warehouses(transactions));
        this.locations = wired("locations", LocationRepository.class, StockServices.locations(transactions));
        this.inventory = wired("inventory", InventoryService.class, StockServices.inventory(transactions, settings));
        this.cycleCounts = wired("cycleCounts", CycleCountService.class,
                StockServices.cycleCounts(transactions, settings));
        this.reservations = wired("reservations", ReservationService.class,
                StockServices.reservations(transactions, settings));
        this.reorderPoints = wired("reorderPoints", ReorderPoints.class,
                StockServices.reorderPoints(transactions, settings));
        this.stockReports = wired("stockReports", StockReports.class, StockServices.reports(transactions, settings));
        Passwords passwords = new Passwords(settings.passwordPolicy());
        this.users = wired("users", UserRepository.class, PeopleServices.users(transactions, passwords));
        this.roles = wired("roles", RoleRepository.class, PeopleServices.roles(transactions));
        this.auth = wired("auth", AuthService.class, PeopleServices.auth(transactions, passwords, settings));
        this.seeding = wired("seeding", Seeding.class, SeedingServices.seeding(transactions, settings, passwords));
        // Monitoring is read by scrapes and health checks: it is guarded like every part, but not counted.
        this.monitoring = ApiGuard.operations("monitoring", Monitoring.class,
                MonitoringServices.monitoring(transactions, dataSource, schema), live, transactions,
                OperationObserver.NONE);
    }

    /** Wires one part: each call runs as its declaration says, and the listener hears of it. */
    private <T> T wired(String part, Class<T> api, T service) {
        Map<Method, OperationDeclaration> declarations = OperationDeclaration.of(part, api);
        OperationObserver observer = listener == null ? OperationObserver.NONE : observing(declarations);
        return ApiGuard.operations(api, service, declarations, live, transactions, observer);
    }

    /** Tells the listener of each operation of a part as the public {@link Operation} it is, made once. */
    private OperationObserver observing(Map<Method, OperationDeclaration> declarations) {
        Map<OperationDeclaration, Operation> operations = new IdentityHashMap<>();
        declarations.values().forEach(declaration -> operations.put(declaration, Operation.of(declaration)));
        return new OperationObserver() {
            @Override
            public void succeeded(OperationDeclaration operation, long nanos, Object result) {
                listener.succeeded(new OperationSucceeded(operations.get(operation), nanos, result));
            }

            @Override
            public void failed(OperationDeclaration operation, long nanos, WmsException failure) {
                listener.failed(new OperationFailed(operations.get(operation), nanos, failure));
            }
        };
    }

    @Override
    public CategoryRepository categories() {
        return categories;
    }

    @Override
    public BrandRepository brands() {
        return brands;
    }

    @Override
    public ProductRepository products() {
        return products;
    }

    @Override
    public ProductBatchRepository batches() {
        return batches;
    }

    @Override
    public WarehouseRepository warehouses() {
        return warehouses;
    }

    @Override
    public LocationRepository locations() {
        return locations;
    }

    @Override
    public ProductBatchTrackRepository ledger() {
        return ledger;
    }

    @Override
    public InventoryService inventory() {
        return inventory;
    }

    @Override
    public CycleCountService cycleCounts() {
        return cycleCounts;
    }

    @Override
    public ReservationService reservations() {
        return reservations;
    }

    @Override
    public ReorderPoints reorderPoints() {
        return reorderPoints;
    }

    @Override
    public StockReports stockReports() {
        return stockReports;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public RoleRepository roles() {
        return roles;
    }

    @Override
    public AuthService auth() {
        return auth;
    }

    @Override
    public Seeding seeding() {
        return seeding;
    }

    Monitoring monitoring() {
        return monitoring;
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        Validator.of("transaction").required("work", work).validate();
        try {
            return transactions.callersWork(() -> work.execute(this));
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    <T> T inHostTransaction(Connection connection, Consumer<Runnable> afterCommit, TransactionalWork<T> work) {
        requireArguments("inHostTransaction", "connection", connection, "work", work);
        Validator.of("host transaction").required("afterCommit", afterCommit).validate();
        try {
            return transactions.onCallersConnection(connection, afterCommit, () -> work.execute(this));
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    void useHostTransaction(Connection connection, TransactionalAction action) {
        requireArguments("useHostTransaction", "connection", connection, "action", action);
        inHostTransaction(connection, Runnable::run, transaction -> {
            action.execute(transaction);
            return null;
        });
    }

    /** As {@link io.wms.core.internal.ApiGuard} does for the services: a missing argument is a refusal by name. */
    private static void requireArguments(String method, String firstName, Object first, String secondName,
                                         Object second) {
        List<Violation> missing = new ArrayList<>(2);
        if (first == null) {
            missing.add(new Violation(firstName, Violation.Rule.REQUIRED, "is required"));
        }
        if (second == null) {
            missing.add(new Violation(secondName, Violation.Rule.REQUIRED, "is required"));
        }
        if (!missing.isEmpty()) {
            throw new ValidationException("arguments of " + method, missing);
        }
    }

    @Override
    public void useTransaction(TransactionalAction action) {
        Validator.of("transaction").required("action", action).validate();
        inTransaction(transaction -> {
            action.execute(transaction);
            return null;
        });
    }
}
