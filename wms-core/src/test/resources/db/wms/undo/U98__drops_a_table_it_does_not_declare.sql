-- A down script as UndoMigrationsTest must see rolled back and refused: it drops a table that
-- io.wms.migration.DroppedTables does not declare for its version, so undo never counted that table's rows.

DROP TABLE "${flyway:defaultSchema}".reorder_points;
