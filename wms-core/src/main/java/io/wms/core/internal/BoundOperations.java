package io.wms.core.internal;

import io.wms.core.TransactionalAction;
import io.wms.core.TransactionalWork;
import io.wms.core.WmsOperations;
import io.wms.core.auth.AuthService;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.StockReports;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.core.repository.ProductBatchTrackRepository;
import io.wms.core.repository.ProductRepository;
import io.wms.core.repository.RoleRepository;
import io.wms.core.repository.UserRepository;
import io.wms.core.seed.Seeding;
import org.jooq.DSLContext;

/**
 * The repositories and services bound to one {@link DSLContext}: the pool's (auto-commit) or one transaction's.
 */
class BoundOperations implements WmsOperations {

    private final DSLContext dsl;
    private final WmsSettings settings;
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

    BoundOperations(DSLContext dsl, WmsSettings settings) {
        this.dsl = dsl;
        this.settings = settings;
        this.categories = ApiGuard.guard(CategoryRepository.class, new JooqCategoryRepository(dsl));
        this.brands = ApiGuard.guard(BrandRepository.class, new JooqBrandRepository(dsl));
        this.products = ApiGuard.guard(ProductRepository.class, new JooqProductRepository(dsl));
        this.batches = ApiGuard.guard(ProductBatchRepository.class,
                new JooqProductBatchRepository(dsl, new ExpiryPolicy(settings)));
        this.ledger = ApiGuard.guard(ProductBatchTrackRepository.class, new JooqProductBatchTrackRepository(dsl));
        this.inventory = ApiGuard.guard(InventoryService.class, new JooqInventoryService(dsl, settings));
        this.stockReports = ApiGuard.guard(StockReports.class, new JooqStockReports(dsl, settings));
        Passwords passwords = new Passwords(settings.passwordPolicy());
        this.users = ApiGuard.guard(UserRepository.class, new JooqUserRepository(dsl, passwords));
        this.roles = ApiGuard.guard(RoleRepository.class, new JooqRoleRepository(dsl));
        this.auth = ApiGuard.guard(AuthService.class, new DefaultAuthService(dsl, passwords));
        this.seeding = ApiGuard.guard(Seeding.class, new DefaultSeeding(dsl, settings, passwords));
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

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        if (work == null) {
            throw new NullPointerException("work");
        }
        try {
            return dsl.transactionResult(configuration ->
                    work.execute(new BoundOperations(configuration.dsl(), settings)));
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    @Override
    public void useTransaction(TransactionalAction action) {
        if (action == null) {
            throw new NullPointerException("action");
        }
        inTransaction(transaction -> {
            action.execute(transaction);
            return null;
        });
    }

    DSLContext dsl() {
        return dsl;
    }

    WmsSettings settings() {
        return settings;
    }
}
