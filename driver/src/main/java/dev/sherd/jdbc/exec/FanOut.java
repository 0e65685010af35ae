package dev.sherd.jdbc.exec;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.jdbc.result.ShardErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one task per shard in parallel: the first shard on the calling thread (no executor hop when
 * there is only one), the others on the cluster's bounded scatter executor. All-or-nothing for the
 * caller: if any task fails, the results of those that succeeded are cleaned up and the first
 * failure is thrown, naming its shard, with the others attached as suppressed. Stateless.
 */
final class FanOut {

  /** Work for one shard. */
  interface Task<T> {
    T run(int shard) throws SQLException;
  }

  /** Undoes a successful task's result when another task failed. */
  interface Cleanup<T> {
    void undo(T result);
  }

  private FanOut() {}

  static <T> List<T> run(ExecutorService executor, ClusterConfig config, int[] shards, Task<T> task,
      Cleanup<T> cleanup) throws SQLException {
    List<Future<T>> futures = new ArrayList<>(shards.length);
    for (int i = 1; i < shards.length; i++) {
      int shard = shards[i];
      futures.add(executor.submit(() -> task.run(shard)));
    }
    List<T> results = new ArrayList<>(shards.length);
    SQLException failure = null;
    try {
      results.add(task.run(shards[0]));
    } catch (SQLException e) {
      failure = ShardErrors.wrap(config.shard(shards[0]).name(), e);
    } catch (RuntimeException e) {
      failure = internal(config, shards[0], e);
    }
    for (int i = 0; i < futures.size(); i++) {
      try {
        T r = futures.get(i).get();
        results.add(r);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = addFailure(failure, new SQLException("interrupted while waiting for shard "
            + config.shard(shards[i + 1]).name(), "HY008", e));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        SQLException error = cause instanceof SQLException se
            ? ShardErrors.wrap(config.shard(shards[i + 1]).name(), se)
            : internal(config, shards[i + 1], cause);
        failure = addFailure(failure, error);
      }
    }
    if (failure != null) {
      for (T r : results) {
        if (r != null) {
          cleanup.undo(r);
        }
      }
      throw failure;
    }
    return results;
  }

  private static SQLException addFailure(SQLException first, SQLException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static SQLException internal(ClusterConfig config, int shard, Throwable t) {
    return new SQLException("shard " + config.shard(shard).name() + ": " + t, "XX000", t);
  }
}
