package org.readmission.local;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The {@code hello} command for mongo-java-server's backends (the in-memory one here; the H2 file one is
 * {@link MongoWireStore.H2FileBackend}).
 *
 * <p>mongo-java-server 1.47.0 answers the legacy {@code isMaster} but not {@code hello}, which Spring Boot's
 * {@code MongoHealthIndicator} runs: without this, every service's {@code /actuator/health} would report DOWN
 * ("no such command: 'hello'") against the local store. {@code hello} is answered like {@code isMaster}, plus
 * {@code isWritablePrimary: true}.
 */
final class LocalBackends {

    private LocalBackends() {
    }

    /** The in-memory backend, for benchmarks: nothing survives a restart. */
    static final class Memory extends MemoryBackend {
        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            return isHello(command) ? hello(super.handleCommand(channel, databaseName, "ismaster", query))
                    : super.handleCommand(channel, databaseName, command, query);
        }
    }

    static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    /** {@code isMaster}'s answer turned into {@code hello}'s. */
    static Document hello(Document isMaster) {
        isMaster.put("isWritablePrimary", Boolean.TRUE);
        return isMaster;
    }
}
