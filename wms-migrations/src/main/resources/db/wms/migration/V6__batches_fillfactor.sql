-- Leaves a tenth of every page of product_batches free, so that the new version of a batch whose quantity changed
-- can go into the same page as a HOT (heap-only tuple) update: no index gets a new entry, and the page's dead
-- versions are pruned in place instead of waiting for VACUUM.
--
-- A pick, receipt or correction writes quantity, updated_at, updated_by and version, none of which is indexed, so
-- those updates can be HOT. status is indexed (idx_product_batches_status, idx_product_batches_product_status, and
-- the predicates of idx_product_batches_active_expiry and idx_active_batches), so an update that changes it is never
-- HOT, whatever room the page has: taking a batch's last unit (active -> depleted), receiving into a depleted batch,
-- quarantine, release, recall and the expiry sweep.
--
-- The setting applies to pages written from now on; pages already full stay so until the table is rewritten
-- (VACUUM FULL or CLUSTER), which is left to the operator.

ALTER TABLE product_batches SET (fillfactor = 90);
