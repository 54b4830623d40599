-- Reverses V16: drops the cycle counts and their lines. The adjustments their posts wrote stay in the ledger, as
-- 'adjusted' rows with the reason STOCK_COUNT; only which count they came from, and the open counts, are lost.

DROP TABLE "${flyway:defaultSchema}".cycle_count_lines;
DROP TABLE "${flyway:defaultSchema}".cycle_counts;
