package io.wms.core;

import java.util.Objects;
import javax.sql.DataSource;

import io.wms.core.auth.AuthService;
import io.wms.core.internal.ApiGuard;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.LiveActors;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.WmsSettings;
import io.wms.core.internal.catalog.CatalogServices;
import io.wms.core.internal.monitoring.MonitoringServices;
import io.wms.core.internal.people.Passwords;
import io.wms.core.internal.people.PeopleServices;
import io.wms.core.internal.seeding.SeedingServices;
import io.wms.core.internal.stock.StockServices;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.StockReports;
import io.wms.core.monitoring.Monitoring;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.core.repository.ProductBatchTrackRepository;
import io.wms.core.repository.ProductRepository;
import io.wms.core.repository.RoleRepository;
import io.wms.core.repository.UserRepository;
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
    private final InventoryService inventory;
    private final StockReports stockReports;
    private final UserRepository users;
    private final RoleRepository roles;
    private final AuthService auth;
    private final Seeding seeding;
    private final Monitoring monitoring;

    WiredOperations(Transactions transactions, WmsSettings settings, DataSource dataSource) {
        this.transactions = transactions;
        LiveActors live = PeopleServices.liveActors(transactions);
        this.categories = ApiGuard.guard(CategoryRepository.class, CatalogServices.categories(transactions), live);
        this.brands = ApiGuard.guard(BrandRepository.class, CatalogServices.brands(transactions), live);
        this.products = ApiGuard.guard(ProductRepository.class, CatalogServices.products(transactions, settings), live);
        this.batches = ApiGuard.guard(ProductBatchRepository.class, StockServices.batches(transactions, settings),
                live);
        this.ledger = ApiGuard.guard(ProductBatchTrackRepository.class, StockServices.ledger(transactions), live);
        this.inventory = ApiGuard.guard(InventoryService.class, StockServices.inventory(transactions, settings), live);
        this.stockReports = ApiGuard.guard(StockReports.class, StockServices.reports(transactions, settings), live);
        Passwords passwords = new Passwords(settings.passwordPolicy());
        this.users = ApiGuard.guard(UserRepository.class, PeopleServices.users(transactions, passwords), live);
        this.roles = ApiGuard.guard(RoleRepository.class, PeopleServices.roles(transactions), live);
        this.auth = ApiGuard.guard(AuthService.class, PeopleServices.auth(transactions, passwords, settings), live);
        this.seeding = ApiGuard.guard(Seeding.class, SeedingServices.seeding(transactions, settings, passwords), live);
        this.monitoring = ApiGuard.guard(Monitoring.class, MonitoringServices.monitoring(transactions, dataSource),
                live);
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
    public ProductBatchTrackRepository ledger() {
        return ledger;
    }

    @Override
    public InventoryService inventory() {
        return inventory;
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
        Objects.requireNonNull(work, "work");
        try {
            return transactions.callersWork(() -> work.execute(this));
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    @Override
    public void useTransaction(TransactionalAction action) {
        Objects.requireNonNull(action, "action");
        inTransaction(transaction -> {
            action.execute(transaction);
            return null;
        });
    }
}
