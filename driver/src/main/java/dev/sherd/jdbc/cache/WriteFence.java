package dev.sherd.jdbc.cache;

/**
 * Brackets one write (a statement, or the commit of a transaction that wrote): opening moves the
 * written tables' generations, closing moves them again. Any result whose query overlapped the
 * write therefore carries a generation that is outdated once the write has completed (the argument
 * is in {@link ResultCache}). Close it in a {@code finally}: a failed write moves them too. Not
 * thread-safe; closing twice is harmless.
 */
public final class WriteFence implements AutoCloseable {

  /** A fence that moves nothing: for reads, and when the cache is off. */
  public static final WriteFence NONE = new WriteFence(null, new TableGenerations.Slot[0], false);

  private final ResultCache cache;
  private final TableGenerations.Slot[] slots;
  private final boolean schema;
  private boolean closed;

  WriteFence(ResultCache cache, TableGenerations.Slot[] slots, boolean schema) {
    this.cache = cache;
    this.slots = slots;
    this.schema = schema;
    TableGenerations.bump(slots);
  }

  @Override
  public void close() {
    if (closed || this == NONE) {
      return;
    }
    closed = true;
    TableGenerations.bump(slots);
    if (schema) {
      cache.dropAll(); // every entry is outdated now: free the memory at once
    }
  }
}
