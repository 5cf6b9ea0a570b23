-- The sample's own table: one row per block of the best chain that the follower handled
-- (BlockLedger). The follower's cursor lives next to it, in bitcoin_rpc_cursor, created by the starter.
CREATE TABLE IF NOT EXISTS sample_blocks (
    hash       CHAR(64) PRIMARY KEY,
    height     BIGINT NOT NULL,
    block_time BIGINT NOT NULL
);
