package io.wms.core;

import javax.sql.DataSource;

import io.wms.core.auth.AuthService;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
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
        this.categories = CatalogServices.categories(transactions);
        this.brands = CatalogServices.brands(transactions);
        this.products = CatalogServices.products(transactions, settings);
        this.batches = StockServices.batches(transactions, settings);
        this.ledger = StockServices.ledger(transactions);
        this.inventory = StockServices.inventory(transactions, settings);
        this.stockReports = StockServices.reports(transactions, settings);
        Passwords passwords = new Passwords(settings.passwordPolicy());
        this.users = PeopleServices.users(transactions, passwords);
        this.roles = PeopleServices.roles(transactions);
        this.auth = PeopleServices.auth(transactions, passwords);
        this.seeding = SeedingServices.seeding(transactions, settings, passwords);
        this.monitoring = MonitoringServices.monitoring(transactions, dataSource);
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
        Validator.of("transaction").required("work", work).validate();
        try {
            return transactions.callersWork(() -> work.execute(this));
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
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
