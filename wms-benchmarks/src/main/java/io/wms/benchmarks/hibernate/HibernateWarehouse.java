package io.wms.benchmarks.hibernate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The same reads and the same pick written the way a team using Hibernate ORM would write them: JPA entities over
 * the wms schema with lazy relations, a session per request. Each read comes as a competent Hibernate user writes it
 * (fetch joins, keyset pages in HQL) and, where the ORM invites it, as it comes out when nobody looks (lazy
 * navigation, offset pages), labelled as such.
 */
public final class HibernateWarehouse implements AutoCloseable {

    private final SessionFactory sessions;

    /**
     * Opens a session factory on a pool, loading lazy relations one by one.
     *
     * @param pool the pool, shared with wms and the JDBC baseline
     */
    public HibernateWarehouse(DataSource pool) {
        this(pool, 1);
    }

    /**
     * Opens a session factory on a pool.
     *
     * @param pool           the pool, shared with wms and the JDBC baseline
     * @param batchFetchSize Hibernate's {@code default_batch_fetch_size}: how many lazy relations of one kind it loads
     *                       with one query once the first is touched; 1 loads each on its own
     */
    public HibernateWarehouse(DataSource pool, int batchFetchSize) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", pool)
                .applySetting("hibernate.default_batch_fetch_size", String.valueOf(batchFetchSize))
                .applySetting("hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName())
                .applySetting("hibernate.show_sql", "false")
                .build();
        sessions = new MetadataSources(registry)
                .addAnnotatedClasses(ProductEntity.class, CategoryEntity.class, BrandEntity.class, BatchEntity.class,
                        TrackEntity.class, UserEntity.class)
                .buildMetadata()
                .buildSessionFactory();
    }

    /**
     * Finds a product by id.
     *
     * @param id the id
     * @return the product's name
     */
    public String findById(long id) {
        try (Session session = sessions.openSession()) {
            return session.find(ProductEntity.class, id).getName();
        }
    }

    /**
     * Reads a product with its category, brand, batches, their ledger rows and each row's user, by navigating the
     * lazy relations: one query per relation touched (fewer with a batch fetch size).
     *
     * @param id the product's id
     * @return the number of ledger rows visited
     */
    public int fullTrackingLazily(long id) {
        try (Session session = sessions.openSession()) {
            return visit(session.find(ProductEntity.class, id));
        }
    }

    /**
     * Reads a product with its category, brand, batches and their ledger rows as a competent Hibernate user does:
     * two fetch-join queries (one per collection, since fetching both in one would multiply the rows) in one
     * read-only transaction, so that both see the same snapshot.
     *
     * @param id the product's id
     * @return the number of ledger rows visited
     */
    public int fullTrackingWithFetchJoins(long id) {
        try (Session session = sessions.openSession()) {
            session.setDefaultReadOnly(true);
            session.doWork(connection -> connection.setReadOnly(true));
            Transaction transaction = session.beginTransaction();
            ProductEntity product = session.createSelectionQuery("""
                            select p from ProductEntity p left join fetch p.category left join fetch p.brand
                            left join fetch p.batches where p.id = :id""", ProductEntity.class)
                    .setParameter("id", id)
                    .getSingleResult();
            session.createSelectionQuery("""
                            select distinct b from BatchEntity b left join fetch b.tracks
                            where b.product.id = :id""", BatchEntity.class)
                    .setParameter("id", id)
                    .getResultList();
            int visited = visit(product);
            transaction.commit();
            session.doWork(connection -> connection.setReadOnly(false));
            return visited;
        }
    }

    private static int visit(ProductEntity product) {
        int visited = product.getCategory() == null ? 0 : product.getCategory().getName().length();
        visited += product.getBrand() == null ? 0 : product.getBrand().getName().length();
        for (BatchEntity batch : product.getBatches()) {
            for (TrackEntity track : batch.getTracks()) {
                visited += track.getUser() == null ? 1 : track.getUser().getEmail().length();
            }
        }
        return visited;
    }

    /**
     * Reads a page of live products by name at an offset, with the total, as two queries.
     *
     * @param offset the rows to skip
     * @param limit  the page size
     * @return the page's names
     */
    public List<String> offsetPage(int offset, int limit) {
        try (Session session = sessions.openSession()) {
            long total = session.createSelectionQuery(
                    "select count(p) from ProductEntity p where p.deletedAt is null", Long.class).getSingleResult();
            List<String> names = session.createSelectionQuery(
                            "from ProductEntity p where p.deletedAt is null order by p.name, p.id", ProductEntity.class)
                    .setFirstResult(offset).setMaxResults(limit).getResultList()
                    .stream().map(ProductEntity::getName).toList();
            return total >= 0 ? names : List.of();
        }
    }

    /**
     * Reads the page of live products by name that follows a given row, with a tuple comparison that the index on
     * (name, id) serves: the keyset technique written in HQL.
     *
     * @param afterName the name of the row before the page
     * @param afterId   the id of the row before the page
     * @param limit     the page size
     * @return the page's names
     */
    public List<String> keysetPage(String afterName, long afterId, int limit) {
        try (Session session = sessions.openSession()) {
            return session.createSelectionQuery("""
                            from ProductEntity p where p.deletedAt is null and (p.name, p.id) > (:name, :id)
                            order by p.name, p.id""", ProductEntity.class)
                    .setParameter("name", afterName)
                    .setParameter("id", afterId)
                    .setMaxResults(limit).getResultList()
                    .stream().map(ProductEntity::getName).toList();
        }
    }

    /**
     * Picks units of a product first-expired, first-out: locks the usable batches, decrements, writes ledger rows.
     *
     * @param productId the product
     * @param quantity  the units
     */
    public void pick(long productId, int quantity) {
        try (Session session = sessions.openSession()) {
            Transaction transaction = session.beginTransaction();
            List<BatchEntity> candidates = session.createSelectionQuery("""
                            from BatchEntity b where b.product.id = :product and b.status = 'active'
                            and b.deletedAt is null and (b.expiryDate is null or b.expiryDate >= :today)
                            order by b.expiryDate asc nulls last, b.id""", BatchEntity.class)
                    .setParameter("product", productId)
                    .setParameter("today", LocalDate.now())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            int remaining = quantity;
            for (BatchEntity batch : candidates) {
                int taken = Math.min(batch.quantity, remaining);
                if (taken == 0) {
                    continue;
                }
                batch.quantity -= taken;
                if (batch.quantity == 0) {
                    batch.status = "depleted";
                }
                TrackEntity track = new TrackEntity();
                track.batch = batch;
                track.action = "picked";
                track.quantityChange = -taken;
                track.quantityAfter = batch.quantity;
                track.createdAt = Instant.now();
                session.persist(track);
                remaining -= taken;
                if (remaining == 0) {
                    break;
                }
            }
            if (remaining > 0) {
                transaction.rollback();
                throw new IllegalStateException("short of stock");
            }
            transaction.commit();
        }
    }

    @Override
    public void close() {
        sessions.close();
    }
}
