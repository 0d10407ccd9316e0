package org.parkline.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL database per test JVM. With {@code PARKLINE_TEST_DB_ADMIN_URL} set (CI points it at the
 * machine's server) a fresh database is created there and dropped at exit; otherwise an embedded PostgreSQL runs.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;
    private final String user;

    private TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) instance = start();
        return instance;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    private static TestDatabase start() {
        String admin = System.getenv("PARKLINE_TEST_DB_ADMIN_URL");
        return admin == null || admin.isBlank() ? embedded() : freshDatabaseOn(admin);
    }

    private static TestDatabase freshDatabaseOn(String adminUrl) {
        String name = "parkline_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        String user = System.getenv().getOrDefault("PARKLINE_TEST_DB_USER", "postgres");
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database through " + adminUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, name)));
        String base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        return new TestDatabase(base + name, user);
    }

    private static void drop(String adminUrl, String user, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // a leftover test database is harmless; the next CI machine starts clean
        }
    }

    private static TestDatabase embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("parkline-test-pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
