package dev.sherd.jdbc.meta;

/**
 * The Sherd driver's own name and version, as {@code DatabaseMetaData} reports them.
 * Immutable and thread-safe.
 */
public record DriverIdentity(String name, String version, int major, int minor) {}
