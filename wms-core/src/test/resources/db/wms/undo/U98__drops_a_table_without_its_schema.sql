-- A down script as UndoMigrationsTest must see refused: its DROP TABLE names no schema, so it would drop whatever
-- table of that name the caller's search_path finds first.

DROP TABLE "${flyway:defaultSchema}".reorder_points, reservation_lines;
