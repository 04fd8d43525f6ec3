package org.readmission.local;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's backends, plus the {@code hello} command.
 *
 * <p>mongo-java-server 1.47.0 answers the legacy {@code isMaster} but not {@code hello}, which Spring Boot's
 * {@code MongoHealthIndicator} runs: without this, every service's {@code /actuator/health} would report DOWN
 * ("no such command: 'hello'") against the local store. {@code hello} is answered like {@code isMaster}, plus
 * {@code isWritablePrimary: true}.
 */
final class LocalBackends {

    private LocalBackends() {
    }

    /** The H2 (MVStore file) backend: data survives restarts. */
    static final class H2 extends H2Backend {
        H2(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            return isHello(command) ? hello(super.handleCommand(channel, databaseName, "ismaster", query))
                    : super.handleCommand(channel, databaseName, command, query);
        }
    }

    /** The in-memory backend, for benchmarks: nothing survives a restart. */
    static final class Memory extends MemoryBackend {
        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            return isHello(command) ? hello(super.handleCommand(channel, databaseName, "ismaster", query))
                    : super.handleCommand(channel, databaseName, command, query);
        }
    }

    private static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    private static Document hello(Document isMaster) {
        isMaster.put("isWritablePrimary", Boolean.TRUE);
        return isMaster;
    }
}
