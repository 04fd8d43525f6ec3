package org.readmission.gateway.outbox;

import java.util.List;

import org.bson.types.Binary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Compact storage of what is only stored to be published again: an outbox message as one binary value
 * ({@link OutboxMessageCodec}), a Kafka header as one string, {@code <name length>:<name><value>}. On the local store
 * (mongo-java-server's H2 backend serialises every stored object) this is several times cheaper than sub-documents.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new HeaderWriter(), new HeaderReader(), new MessageWriter(), new MessageReader()));
    }

    @WritingConverter
    static final class MessageWriter implements Converter<OutboxMessage, Binary> {
        @Override
        public Binary convert(OutboxMessage message) {
            return new Binary(OutboxMessageCodec.encode(message));
        }
    }

    @ReadingConverter
    static final class MessageReader implements Converter<Binary, OutboxMessage> {
        @Override
        public OutboxMessage convert(Binary stored) {
            return OutboxMessageCodec.decode(stored.getData());
        }
    }

    @WritingConverter
    static final class HeaderWriter implements Converter<OutboxMessage.Header, String> {
        @Override
        public String convert(OutboxMessage.Header header) {
            return header.name().length() + ":" + header.name() + header.value();
        }
    }

    @ReadingConverter
    static final class HeaderReader implements Converter<String, OutboxMessage.Header> {
        @Override
        public OutboxMessage.Header convert(String stored) {
            int colon = stored.indexOf(':');
            int nameEnd = colon + 1 + Integer.parseInt(stored.substring(0, colon));
            return new OutboxMessage.Header(stored.substring(colon + 1, nameEnd), stored.substring(nameEnd));
        }
    }
}
