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
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
