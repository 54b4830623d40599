-- A down script as UndoMigrationsTest must see rolled back and refused: it drops a table of the host's, outside the
-- wms schema.

DROP TABLE public.orders;
