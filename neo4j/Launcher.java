// Embedded Neo4j 5 Community for development and tests.
//
// Run with Java 17 single-file source launch (no compile step; src/store/local-neo4j.ts
// compiles it once into .neo4j/launcher-<hash>/ instead, to save 2-5 s per start):
//
//   java -Xmx2g -cp "$(cat .neo4j/classpath-<hash>.txt)" neo4j/Launcher.java --port 7687 --data .neo4j/data
//
// The classpath comes from neo4j/pom.xml (see src/store/local-neo4j.ts, which
// does all of this for you). Options (flags win over environment):
//
//   --port N            Bolt port on 127.0.0.1 (env NEO4J_LOCAL_PORT, default 7687)
//   --data DIR          Neo4j home: databases, transaction logs, logs (default .neo4j/data)
//   --pagecache SIZE    page cache, e.g. 512m (env NEO4J_PAGECACHE, default 512m)
//   --tx-timeout DUR    default transaction timeout, e.g. 60s, 0 = none
//                       (env NEO4J_TX_TIMEOUT, default 60s); a client's per-transaction
//                       timeout (driver's `timeout` tx config) overrides it
//   --conf KEY=VALUE    any other Neo4j setting (repeatable), e.g. --conf db.lock.acquisition.timeout=10s
//   --no-stdin-watch    don't stop when stdin reaches end-of-file
//
// Behaviour:
//   * auth disabled, Bolt only (no HTTP), listening on loopback only;
//   * prints exactly one line `NEO4J_READY bolt://127.0.0.1:N` on stdout once the
//     default database is available and Bolt accepts TCP connections;
//   * stops cleanly on SIGTERM/SIGINT (shutdown hook) and when stdin closes, so the
//     JVM dies with the process that started it (unless --no-stdin-watch);
//   * on a startup failure prints `NEO4J_FAILED <reason>` on stderr and exits 1.
//
// Everything else goes to stderr; Neo4j's own debug log goes to DIR/logs/debug.log.

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.NullLogProvider;

public class Launcher {
    private static final String HOST = "127.0.0.1";

    private static volatile DatabaseManagementService dbms;
    private static final AtomicBoolean stopping = new AtomicBoolean(false);
    private static volatile boolean starting = false;
    private static final CountDownLatch startupDone = new CountDownLatch(1);

    public static void main(String[] args) {
        int port = parsePort(env("NEO4J_LOCAL_PORT", "7687"));
        String data = ".neo4j/data";
        String pagecache = env("NEO4J_PAGECACHE", "512m");
        String txTimeout = env("NEO4J_TX_TIMEOUT", "60s");
        boolean stdinWatch = true;
        Map<String, String> raw = new LinkedHashMap<>();

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = parsePort(value(args, ++i, a));
                case "--data" -> data = value(args, ++i, a);
                case "--pagecache" -> pagecache = value(args, ++i, a);
                case "--tx-timeout" -> txTimeout = value(args, ++i, a);
                case "--conf" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) fail("--conf expects KEY=VALUE, got: " + kv);
                    raw.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
                case "--no-stdin-watch" -> stdinWatch = false;
                case "--help", "-h" -> {
                    System.err.println("usage: java -cp <classpath> neo4j/Launcher.java [--port N] [--data DIR]"
                            + " [--pagecache 512m] [--tx-timeout 60s] [--conf key=value]... [--no-stdin-watch]");
                    System.exit(0);
                }
                default -> fail("unknown argument: " + a);
            }
        }

        Path home = Path.of(data).toAbsolutePath().normalize();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            fail("cannot create data directory " + home + ": " + e);
        }

        // Stop cleanly on SIGTERM / SIGINT / System.exit.
        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-launcher-shutdown"));

        if (stdinWatch) startStdinWatch();

        long pageCacheBytes = parseBytes(pagecache);
        Duration txTimeoutDuration = parseDuration(txTimeout);
        long t0 = System.nanoTime();
        Throwable failure = null;
        starting = true;
        try {
            dbms = start(home, port, pageCacheBytes, txTimeoutDuration, raw);
        } catch (Throwable e) {
            failure = e;
        } finally {
            startupDone.countDown();
        }
        if (failure != null) {
            String reason = describe(failure);
            if (reason.contains("Address already in use") || reason.contains("PortBindException")) {
                reason = "port " + port + " on " + HOST + " is already in use: " + reason;
            } else if (reason.contains("FileLockException") || reason.contains("locked by another process")) {
                reason = "data directory " + home + " is in use by another Neo4j process: " + reason;
            }
            System.err.println("NEO4J_FAILED " + reason);
            failure.printStackTrace(System.err);
            System.exit(1);
        }

        if (stopping.get()) return;
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.err.println("neo4j: started in " + ms + " ms, home " + home);
        System.out.println("NEO4J_READY bolt://" + HOST + ":" + port);
        System.out.flush();
        // Keep running: Neo4j's threads are non-daemon, the shutdown hook or the
        // stdin watcher ends the process.
    }

    private static DatabaseManagementService start(
            Path home, int port, long pageCacheBytes, Duration txTimeout, Map<String, String> raw) throws Exception {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (!raw.isEmpty()) {
            // The embedded builder only takes raw settings from a properties file.
            StringBuilder conf = new StringBuilder("# written by neo4j/Launcher.java from --conf flags\n");
            raw.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
            Path confFile = home.resolve("launcher-extra.conf");
            Files.writeString(confFile, conf.toString());
            builder.loadPropertiesFromFile(confFile);
        }
        // Typed settings after the raw ones so the launcher's guarantees
        // (loopback only, no auth, Bolt on the given port) always win.
        builder.setUserLogProvider(NullLogProvider.getInstance())
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Bolt's graceful shutdown waits 5 s for connections plus 5 s for its
                // thread pool by default; nothing here needs that, so stop fast.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));

        DatabaseManagementService service = builder.build();
        dbms = service; // visible to the shutdown hook as early as possible
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.SECONDS.toMillis(120))) {
            throw new IllegalStateException("default database did not become available within 120 s");
        }
        waitForBolt(port, Duration.ofSeconds(60));
        return service;
    }

    private static void shutdown() {
        if (!stopping.compareAndSet(false, true)) return;
        if (starting) {
            // A stop requested while Neo4j is starting: let the start finish (or
            // fail) so the store is shut down properly rather than halted midway.
            try {
                startupDone.await(180, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
        DatabaseManagementService s = dbms;
        if (s == null) return;
        System.err.println("neo4j: shutting down");
        try {
            s.shutdown();
            System.err.println("neo4j: stopped");
        } catch (Throwable e) {
            System.err.println("neo4j: error during shutdown: " + describe(e));
        }
    }

    private static void startStdinWatch() {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                InputStream in = System.in;
                while (in.read(buf) >= 0) {
                    // ignore whatever is written; only end-of-file matters
                }
            } catch (IOException ignored) {
                // treat a broken stdin like end-of-file
            }
            System.err.println("neo4j: stdin closed, stopping");
            System.exit(0); // runs the shutdown hook
        }, "neo4j-launcher-stdin");
        t.setDaemon(true);
        t.start();
    }

    private static void waitForBolt(int port, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt did not accept connections on " + HOST + ":" + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (sb.length() > 0) sb.append(" <- ");
            sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
            if (c.getCause() == c) break;
        }
        return sb.toString().replace('\n', ' ');
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) fail(flag + " needs a value");
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 1 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            fail("invalid port: " + s);
            return -1;
        }
    }

    /** "512m", "2g", "1024k", "123456" (bytes). */
    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        if (v.endsWith("b")) v = v.substring(0, v.length() - 1);
        if (v.endsWith("k")) { mult = 1L << 10; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("m")) { mult = 1L << 20; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("g")) { mult = 1L << 30; v = v.substring(0, v.length() - 1); }
        try {
            return Long.parseLong(v.trim()) * mult;
        } catch (NumberFormatException e) {
            fail("invalid size: " + s);
            return -1;
        }
    }

    /** "60s", "500ms", "2m", "1h", "0" (no timeout), or an ISO-8601 duration ("PT30S"). */
    private static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase();
        try {
            if (v.startsWith("pt") || v.startsWith("p")) return Duration.parse(s.trim().toUpperCase());
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            if (v.endsWith("m")) return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            if (v.endsWith("h")) return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (RuntimeException e) {
            fail("invalid duration: " + s);
            return Duration.ZERO;
        }
    }

    private static void fail(String msg) {
        System.err.println("NEO4J_FAILED " + msg);
        System.exit(1);
    }
}
