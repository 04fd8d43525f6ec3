package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class MongoWireStoreTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestartOnTheSameFile() {
        Path file = dir.resolve("store.mv");
        int port = Ports.freePort(Ports.HOST);

        try (MongoWireStore store = MongoWireStore.start(Ports.HOST, port, file);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("partner_gateway").getCollection("cases");
            cases.insertOne(new Document("_id", "AZ-DE-2025-000001")
                    .append("requestingParty", "DE-BPOL")
                    .append("requestedParty", "AZ-SMS")
                    .append("persons", 2));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(file).exists();

        try (MongoWireStore store = MongoWireStore.start(Ports.HOST, port, file);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("partner_gateway").getCollection("cases");
            Document found = cases.find(Filters.eq("_id", "AZ-DE-2025-000001")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("requestingParty")).isEqualTo("DE-BPOL");
            assertThat(found.getString("requestedParty")).isEqualTo("AZ-SMS");
            assertThat(found.getInteger("persons")).isEqualTo(2);
            assertThat(cases.countDocuments()).isEqualTo(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello.mv", MongoWireStore.IN_MEMORY})
    void answersHelloLikeARealServerSoSpringBootsMongoHealthIndicatorSaysUp(String file) {
        Path location = file.equals(MongoWireStore.IN_MEMORY) ? Path.of(file) : dir.resolve(file);
        try (MongoWireStore store = MongoWireStore.start(Ports.HOST, 0, location);
             MongoClient client = MongoClients.create(store.connectionString())) {
            // what org.springframework.boot.actuate.data.mongo.MongoHealthIndicator runs
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
            assertThat(client.getDatabase("x").runCommand(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
