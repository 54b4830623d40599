package io.wms.core;

import static io.wms.core.ObservedServices.observed;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

import io.wms.core.auth.AuthService;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.internal.ApiGuard;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.LiveActors;
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
 * <p>Each is wrapped once more, so that every user actor passed to any of them is checked against the database
 * ({@link PeopleServices#liveActors}) before the service sees it: the user must still be live, and the actor acts
 * with only the permissions their current roles grant.
 *
 * <p>A transaction builds nothing: {@link #inTransaction} binds a connection to the calling thread through
 * {@link Transactions}, and hands the work these same services, whose statements then run on that connection.
 */
final class WiredOperations implements WmsOperations {

    private final Transactions transactions;
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
        LiveActors live = PeopleServices.liveActors(transactions);
        this.categories = wired("categories", CategoryRepository.class, CatalogServices.categories(transactions), live,
                listener);
        this.brands = wired("brands", BrandRepository.class, CatalogServices.brands(transactions), live, listener);
        this.products = wired("products", ProductRepository.class, CatalogServices.products(transactions, settings),
                live, listener);
        this.batches = wired("batches", ProductBatchRepository.class, StockServices.batches(transactions, settings),
                live, listener);
        this.ledger = wired("ledger", ProductBatchTrackRepository.class, StockServices.ledger(transactions), live,
                listener);
        this.warehouses = wired("warehouses", WarehouseRepository.class, StockServices.warehouses(transactions),
                live, listener);
        this.locations = wired("locations", LocationRepository.class, StockServices.locations(transactions), live,
                listener);
        this.inventory = wired("inventory", InventoryService.class, StockServices.inventory(transactions, settings),
                live, listener);
        this.cycleCounts = wired("cycleCounts", CycleCountService.class,
                StockServices.cycleCounts(transactions, settings), live, listener);
        this.reservations = wired("reservations", ReservationService.class,
                StockServices.reservations(transactions, settings), live, listener);
        this.reorderPoints = wired("reorderPoints", ReorderPoints.class,
                StockServices.reorderPoints(transactions, settings), live, listener);
        this.stockReports = wired("stockReports", StockReports.class, StockServices.reports(transactions, settings),
                live, listener);
        Passwords passwords = new Passwords(settings.passwordPolicy());
        this.users = wired("users", UserRepository.class, PeopleServices.users(transactions, passwords), live,
                listener);
        this.roles = wired("roles", RoleRepository.class, PeopleServices.roles(transactions), live, listener);
        this.auth = wired("auth", AuthService.class, PeopleServices.auth(transactions, passwords, settings), live,
                listener);
        this.seeding = wired("seeding", Seeding.class, SeedingServices.seeding(transactions, settings, passwords),
                live, listener);
        this.monitoring = ApiGuard.guard(Monitoring.class, MonitoringServices.monitoring(transactions, dataSource,
                schema), live);
    }

    /** Checks each call's actor against the live roles, translates its failures, and tells the listener of it. */
    private static <T> T wired(String part, Class<T> api, T service, LiveActors live, OperationListener listener) {
        return observed(part, api, ApiGuard.guard(api, service, live), listener);
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

    <T> T inHostTransaction(Connection connection, TransactionalWork<T> work) {
        requireArguments("inHostTransaction", "connection", connection, "work", work);
        try {
            return transactions.onCallersConnection(connection, () -> work.execute(this));
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    void useHostTransaction(Connection connection, TransactionalAction action) {
        requireArguments("useHostTransaction", "connection", connection, "action", action);
        inHostTransaction(connection, transaction -> {
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
