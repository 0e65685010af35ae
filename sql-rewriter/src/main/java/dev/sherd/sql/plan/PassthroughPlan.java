package dev.sherd.sql.plan;

/**
 * A statement that touches no configured table (vendor syntax on unlisted tables, CALL, SHOW...):
 * sent as written to one shard, the default shard.
 */
public record PassthroughPlan(String sql, int parameterCount, int shard) implements StatementPlan {}
