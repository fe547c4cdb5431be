package org.civicplatform.app.launcher;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A consistent physical copy of a running PostgreSQL cluster whose data directory is on this machine, made
 * with PostgreSQL's own low-level base backup API (documentation, "Making a Base Backup Using the Low Level
 * API"): {@code pg_backup_start}, a file copy of the data directory, {@code pg_backup_stop}, whose label file
 * becomes the copy's {@code backup_label}, and the WAL segments from the start to the stop location. A
 * temporary physical replication slot taken first keeps those segments from being recycled during the copy
 * (what pg_basebackup does). Started on the copy, PostgreSQL replays that WAL and reaches the state of the
 * moment {@code pg_backup_stop} ran: every transaction committed before it, none after it.
 *
 * <p>Why not pg_dump or pg_basebackup: the server is PostgreSQL 17 and no PostgreSQL 17 client tools can be
 * installed here (zonky's bundle holds only initdb, pg_ctl and postgres; Debian 12 ships client 15, which
 * refuses a newer server).
 */
final class BaseBackup {

  /** What the copy covers: the WAL range and the label PostgreSQL wrote. */
  record Result(String startLsn, String stopLsn, String startWal, String stopWal, int walSegments, long bytes) {}

  /**
   * Entries of a data directory that are not copied (the documentation's list): recreated or rebuilt by
   * the server. Folders listed here are copied empty.
   */
  private static final Set<String> SKIP_FILES =
      Set.of("postmaster.pid", "postmaster.opts", "backup_label", "backup_label.old", "tablespace_map",
          "recovery.signal", "standby.signal", "pg_internal.init", "current_logfiles");
  private static final Set<String> EMPTY_FOLDERS =
      Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp",
          "pg_subtrans");

  private BaseBackup() {}

  /**
   * Copies the cluster whose data directory is {@code dataDirectory} into {@code target} (which must not
   * exist), through {@code superuser}, a superuser connection to that cluster.
   */
  static Result take(Connection superuser, Path dataDirectory, Path target) throws SQLException, IOException {
    superuser.setAutoCommit(true);
    String slot = "civic_backup_" + ProcessHandle.current().pid();
    try (Statement s = superuser.createStatement()) {
      // Temporary: dropped with this session, even if the copy fails half-way.
      s.execute("select pg_create_physical_replication_slot('" + slot + "', true, true)");
    }
    String startLsn;
    try (PreparedStatement ps = superuser.prepareStatement("select pg_backup_start(?, true)::text")) {
      ps.setString(1, "civic " + java.time.Instant.now());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        startLsn = rs.getString(1);
      }
    }
    long bytes;
    String stopLsn;
    String label;
    String tablespaceMap;
    try {
      Files.createDirectories(target.getParent());
      Files.createDirectory(target);
      bytes = copyDataDirectory(dataDirectory, target);
    } catch (IOException | RuntimeException e) {
      abort(superuser);
      throw e;
    }
    try (Statement s = superuser.createStatement();
        ResultSet rs = s.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
      rs.next();
      stopLsn = rs.getString(1);
      label = rs.getString(2);
      tablespaceMap = rs.getString(3);
    }
    if (tablespaceMap != null && !tablespaceMap.isBlank()) {
      throw new IOException("the cluster has tablespaces outside its data directory; they are not copied");
    }
    Files.writeString(target.resolve("backup_label"), label);
    String startWal = walFile(superuser, startLsn);
    String stopWal = walFile(superuser, stopLsn);
    int segments = 0;
    Path wal = dataDirectory.resolve("pg_wal");
    List<Path> walFiles;
    try (Stream<Path> list = Files.list(wal)) {
      walFiles = list.filter(Files::isRegularFile).sorted().toList();
    }
    String timeline = startWal.substring(0, 8);
    for (Path file : walFiles) {
      String name = file.getFileName().toString();
      boolean segment = name.length() == 24 && name.startsWith(timeline)
          && name.compareTo(startWal) >= 0 && name.compareTo(stopWal) <= 0;
      if (segment || name.endsWith(".history")) {
        Files.copy(file, target.resolve("pg_wal").resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        bytes += Files.size(file);
        segments += segment ? 1 : 0;
      }
    }
    if (!Files.exists(target.resolve("pg_wal").resolve(stopWal))) {
      throw new IOException("WAL segment " + stopWal + " was not found in " + wal);
    }
    try (Statement s = superuser.createStatement()) {
      s.execute("select pg_drop_replication_slot('" + slot + "')");
    }
    return new Result(startLsn, stopLsn, startWal, stopWal, segments, bytes);
  }

  private static void abort(Connection superuser) {
    try (Statement s = superuser.createStatement()) {
      s.execute("select pg_backup_stop(false)");
    } catch (SQLException ignored) {
      // the session's end aborts the backup as well
    }
  }

  private static String walFile(Connection c, String lsn) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_walfile_name(?::pg_lsn)")) {
      ps.setString(1, lsn);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Copies the files of the data directory, global/pg_control last; files vanishing meanwhile are skipped. */
  private static long copyDataDirectory(Path source, Path target) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path relative = source.relativize(dir);
        Files.createDirectories(target.resolve(relative.toString()));
        if (relative.getNameCount() == 1 && EMPTY_FOLDERS.contains(relative.toString())) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String name = file.getFileName().toString();
        if (attrs.isRegularFile() && !SKIP_FILES.contains(name) && !name.startsWith("pgsql_tmp")) {
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // dropped while we walked
        }
        throw e;
      }
    });
    Path control = source.resolve("global").resolve("pg_control");
    files.remove(control);
    files.add(control);
    long bytes = 0;
    for (Path file : files) {
      Path copy = target.resolve(source.relativize(file).toString());
      try {
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        bytes += Files.size(copy);
      } catch (NoSuchFileException | DirectoryNotEmptyException e) {
        // a relation dropped during the copy: the WAL replay removes it anyway
      }
    }
    return bytes;
  }
}
