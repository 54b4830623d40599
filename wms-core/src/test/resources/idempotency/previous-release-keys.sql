-- The idempotency keys exactly as the release before V20 stored them (schema V19), one per keyed operation and one
-- per keyed command type: made by running each call of PreviousReleaseKeysTest once, with these keys, by the system
-- actor test-admin on a fresh database at commit 9fe9fc5 (the last before V20), and dumping idempotency_keys with
-- format('%L'). previous-release-results.tsv holds what each call returned then (its toString()). Never regenerate
-- this file: it stands for rows that databases in use hold.
INSERT INTO idempotency_keys (actor_scope, idempotency_key, operation, request, result, user_id, created_at)
VALUES
    ('system:test-admin', 'k-receive', 'receive', 'ReceiveStock{productId=1:1;batchNumber=7:L|1,a b;quantity=2:20;manufacturingDate=10:2026-01-05;expiryDate=10:2026-06-30;note=20:first, delivery; {x};}', '1,1,L%7C1%2Ca+b,20,20,true', NULL, '2026-12-08 02:29:37.438296+00'),
    ('system:test-admin', 'k-receive-at', 'receive', 'ReceiveAtLocation{locationId=1:2;productId=1:1;batchNumber=3:L-2;quantity=2:10;manufacturingDate=~;expiryDate=10:2026-05-31;note=~;}', '2,1,L-2,10,10,true', NULL, '2026-12-08 02:29:37.549227+00'),
    ('system:test-admin', 'k-receive-into', 'receive', 'ReceiveIntoBatch{batchId=1:1;quantity=1:5;note=6:top-up;}', '1,1,L%7C1%2Ca+b,5,25,false', NULL, '2026-12-08 02:29:37.587933+00'),
    ('system:test-admin', 'k-pick', 'pick', 'PickStock{productId=1:1;quantity=1:3;minimumShelfLifeDays=1:0;note=7:order 1;}', '1,3
2,L-2,2026-05-31,3,7', NULL, '2026-12-08 02:29:37.618519+00'),
    ('system:test-admin', 'k-pick-from', 'pick', 'PickFromBatch{batchId=1:1;quantity=1:1;note=0:;}', '1,1
1,L%7C1%2Ca+b,2026-06-30,1,24', NULL, '2026-12-08 02:29:37.69369+00'),
    ('system:test-admin', 'k-pick-in-warehouse', 'located-pick', 'PickInWarehouse{warehouseId=1:1;productId=1:1;quantity=1:2;minimumShelfLifeDays=1:7;note=~;}', '1,2
2,2,L-2,2026-05-31,2,5,5', NULL, '2026-12-08 02:29:37.725489+00'),
    ('system:test-admin', 'k-pick-at', 'located-pick', 'PickAtLocation{locationId=1:2;productId=1:1;quantity=1:1;minimumShelfLifeDays=1:0;note=7:Grüße ✓;}', '1,1
2,2,L-2,2026-05-31,1,4,4', NULL, '2026-12-08 02:29:37.799845+00'),
    ('system:test-admin', 'k-transfer', 'transfer', 'TransferStock{batchId=1:1;fromLocationId=1:1;toLocationId=1:3;quantity=1:4;note=4:to B;}', '1,1,3,4,20,4,24', NULL, '2026-12-08 02:29:37.834102+00'),
    ('system:test-admin', 'k-adjust', 'adjust', 'AdjustStock{batchId=1:1;change=2:-1;reason=6:DAMAGE;note=~;}', '1,ADJUSTED,-1,23,ACTIVE', NULL, '2026-12-08 02:29:37.8841+00'),
    ('system:test-admin', 'k-adjust-at', 'adjust-at', 'AdjustAtLocation{locationId=1:3;batchId=1:1;change=1:2;reason=5:OTHER;note=18:found behind shelf;}', '1,3,ADJUSTED,2,6,25,ACTIVE', NULL, '2026-12-08 02:29:37.895505+00'),
    ('system:test-admin', 'k-quarantine', 'quarantine', 'StatusChange{batchId=1:1;reason=10:smells odd;}', '1,1,L%7C1%2Ca+b,25,2026-01-05,2026-06-30,QUARANTINED,2026-12-08T02%3A29%3A37.438296Z,2026-12-08T02%3A29%3A37.998148Z,!,!,!,6', NULL, '2026-12-08 02:29:37.998148+00'),
    ('system:test-admin', 'k-dispose', 'dispose', 'RemoveStock{batchId=1:1;quantity=1:1;note=7:spoiled;}', '1,DISPOSED,-1,24,QUARANTINED', NULL, '2026-12-08 02:29:38.080993+00'),
    ('system:test-admin', 'k-return', 'return', 'RemoveStock{batchId=1:1;quantity=1:1;note=~;}', '1,RETURNED,-1,23,QUARANTINED', NULL, '2026-12-08 02:29:38.097468+00'),
    ('system:test-admin', 'k-release', 'release', 'StatusChange{batchId=1:1;reason=13:lab says fine;}', '1,1,L%7C1%2Ca+b,23,2026-01-05,2026-06-30,ACTIVE,2026-12-08T02%3A29%3A37.438296Z,2026-12-08T02%3A29%3A38.103563Z,!,!,!,9', NULL, '2026-12-08 02:29:38.103563+00'),
    ('system:test-admin', 'k-recall', 'recall', 'StatusChange{batchId=1:2;reason=18:supplier recall 12;}', '2,1,L-2,4,!,2026-05-31,RECALLED,2026-12-08T02%3A29%3A37.549227Z,2026-12-08T02%3A29%3A38.137628Z,!,!,!,5', NULL, '2026-12-08 02:29:38.137628+00'),
    ('system:test-admin', 'k-dispose-at', 'dispose-at', 'RemoveAtLocation{locationId=1:2;batchId=1:2;quantity=1:1;note=~;}', '2,2,DISPOSED,-1,3,3,RECALLED', NULL, '2026-12-08 02:29:38.181943+00'),
    ('system:test-admin', 'k-return-at', 'return-at', 'RemoveAtLocation{locationId=1:2;batchId=1:2;quantity=1:1;note=7:crate 4;}', '2,2,RETURNED,-1,2,2,RECALLED', NULL, '2026-12-08 02:29:38.225724+00'),
    ('system:test-admin', 'k-reserve', 'reserve', 'ReserveStock{warehouseId=1:1;productId=1:1;quantity=1:2;reference=7:order 7;dueDate=10:2026-03-12;expiresAt=20:2026-03-11T12:00:00Z;}', '1,1,1,order+7,2,2026-03-12,2026-03-11T12%3A00%3A00Z,OPEN
1,3,L%7C1%2Ca+b,2026-06-30,2', NULL, '2026-12-08 02:29:38.290086+00'),
    ('system:test-admin', 'k-reserved-pick', 'reserved-pick', 'PickReservation{reservationId=1:1;note=6:packed;}', '1,2
1,3,L%7C1%2Ca+b,2026-06-30,2,4,21', NULL, '2026-12-08 02:29:38.432963+00'),
    ('system:test-admin', 'k-post-count', 'post-count', 'PostCount{countId=1:1;}', '1
1,3,4,5,1,5,22', NULL, '2026-12-08 02:29:38.66162+00');
