package org.readmission.gateway.outbox;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Stores a Kafka header as one string, {@code <name length>:<name><value>}, instead of a sub-document: a stored
 * submission carries a dozen headers, and a string is far cheaper to store and read than a document per header.
 */
@Configuration(proxyBeanMethods = false)
class HeaderConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new HeaderWriter(), new HeaderReader()));
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
