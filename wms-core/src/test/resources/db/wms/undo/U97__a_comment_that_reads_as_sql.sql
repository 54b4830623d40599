-- A down script as UndoMigrationsTest must see undone without its comments becoming SQL: undo once pasted the text
-- after "where" on the line below into the WHERE clause of its row count, so that the statement after the semicolon
-- ran with the rights of whoever undid the schema.
-- lost rows: scratch where false; drop table "${flyway:defaultSchema}".marker; select 1 where false

DROP TABLE "${flyway:defaultSchema}".scratch;
