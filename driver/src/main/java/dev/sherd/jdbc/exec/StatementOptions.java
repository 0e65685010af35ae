package dev.sherd.jdbc.exec;

/**
 * The logical statement's settings that apply to its physical statements.
 *
 * @param queryTimeoutSeconds 0 for none
 * @param fetchSize           0 for the shard driver's default
 * @param maxRows             0 for no limit
 * @param returnGeneratedKeys whether the application asked for generated keys
 */
public record StatementOptions(int queryTimeoutSeconds, int fetchSize, long maxRows,
    boolean returnGeneratedKeys) {}
