package dev.sherd.jdbc.exec;

import java.sql.ResultSet;

/**
 * The outcome of a write: the logical update count and, when requested and available, the
 * generated keys.
 */
public record UpdateResult(long count, ResultSet generatedKeys) {}
