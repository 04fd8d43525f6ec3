package org.readmission.local;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 (MVStore file) backend of mongo-java-server, plus the {@code hello} command.
 *
 * <p>mongo-java-server 1.47.0 answers the legacy {@code isMaster} but not {@code hello}, which
 * Spring Boot's {@code MongoHealthIndicator} runs: without this, every service's
 * {@code /actuator/health} would report DOWN ("no such command: 'hello'") against the local store.
 * {@code hello} is answered like {@code isMaster}, plus {@code isWritablePrimary: true}.
 */
final class LocalH2Backend extends H2Backend {

    LocalH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document answer = super.handleCommand(channel, databaseName, "ismaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
