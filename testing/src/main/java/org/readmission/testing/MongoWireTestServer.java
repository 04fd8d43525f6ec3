package org.readmission.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** One in-memory MongoDB-wire store (mongo-java-server) on 127.0.0.1 for all tests of a JVM, reached over TCP. */
public final class MongoWireTestServer {

    private static MongoServer server;

    private MongoWireTestServer() {
    }

    /** A connection string to a database of its own (tests using different databases do not see each other's data). */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            // no shutdown hook: it would stop the store while the Spring contexts are still closing in theirs (hooks
            // run at once), and a scheduled task then waited 30 s for a server, past Surefire's exit timeout. The
            // JVM's exit ends the store's threads.
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
