-- The nodes that run the streaming projections, each with its last heartbeat (ProjectionNodes):
-- a node's fair share of a projection's segments is the segment count divided by the live nodes.
CREATE TABLE projection_node (
    node_id      VARCHAR(255) NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (node_id)
);
