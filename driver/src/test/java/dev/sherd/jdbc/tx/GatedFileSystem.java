package dev.sherd.jdbc.tx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:gated:<path>}) that passes everything through to the disk
 * until {@link #stallWritesTo} names a file: from then on every write to that file hangs, as if
 * the disk had stalled, while reads and other files carry on. With it a crash test can stop an H2
 * commit after the commit became visible to other sessions but before it reached the file.
 * Register it in every JVM that opens such a URL. Thread-safe.
 */
public final class GatedFileSystem extends FilePathWrapper {

  static final String SCHEME = "gated";
  private static volatile String stalled;
  private static boolean registered;

  /** Registers the scheme with H2 (idempotent). */
  static synchronized void register() {
    if (!registered) {
      FilePath.register(new GatedFileSystem());
      registered = true;
    }
  }

  /** From now on, writes to files whose path contains {@code pathFragment} hang. */
  static void stallWritesTo(String pathFragment) {
    stalled = pathFragment;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new GatedChannel(getBase().open(mode), name);
  }

  private static final class GatedChannel extends FileBase {
    private final FileChannel base;
    private final String path;

    GatedChannel(FileChannel base, String path) {
      this.base = base;
      this.path = path;
    }

    private void gate() {
      while (stalled != null && path.contains(stalled)) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return base.read(dst);
    }

    @Override
    public synchronized int read(ByteBuffer dst, long position) throws IOException {
      return base.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      gate();
      return base.write(src);
    }

    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
      gate();
      return base.write(src, position);
    }

    @Override
    public long position() throws IOException {
      return base.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      base.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return base.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      gate();
      base.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      gate();
      base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      base.close();
    }
  }
}
