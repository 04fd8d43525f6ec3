package org.readmission.gateway.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.bson.types.Binary;
import org.readmission.gateway.protection.GatewayFields;
import org.readmission.protection.FieldEncryption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Compact storage of what is only stored to be published again: an outbox message as one binary value
 * ({@link OutboxMessageCodec}), encrypted (it may carry an application), a Kafka header as one string, {@code <name length>:<name><value>}. On the local store
 * (mongo-java-server's H2 backend serialises every stored object) this is several times cheaper than sub-documents.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions(FieldEncryption encryption) {
        return new MongoCustomConversions(List.of(new HeaderWriter(), new HeaderReader(), new MessageWriter(encryption),
                new MessageReader(encryption)));
    }

    /**
     * {@code 'E'}, the message id (UTF, in clear: it is the ce_id), then the encoded message encrypted with the
     * associated data {@code <id>/outboxMessage}, so a stored message cannot be moved to another id unnoticed.
     */
    @WritingConverter
    static final class MessageWriter implements Converter<OutboxMessage, Binary> {
        private final FieldEncryption encryption;

        MessageWriter(FieldEncryption encryption) {
            this.encryption = encryption;
        }

        @Override
        public Binary convert(OutboxMessage message) {
            byte[] sealed = encryption.encrypt(OutboxMessageCodec.encode(message), message.id(), GatewayFields.OUTBOX_MESSAGE);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(sealed.length + 64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(ENCRYPTED);
                out.writeUTF(message.id());
                out.write(sealed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Binary(bytes.toByteArray());
        }
    }

    @ReadingConverter
    static final class MessageReader implements Converter<Binary, OutboxMessage> {
        private final FieldEncryption encryption;

        MessageReader(FieldEncryption encryption) {
            this.encryption = encryption;
        }

        @Override
        public OutboxMessage convert(Binary stored) {
            byte[] data = stored.getData();
            if (data.length == 0 || data[0] != ENCRYPTED) {
                return OutboxMessageCodec.decode(data); // stored before encryption
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                in.readByte();
                String id = in.readUTF();
                byte[] sealed = in.readAllBytes();
                return OutboxMessageCodec.decode(encryption.decrypt(sealed, id, GatewayFields.OUTBOX_MESSAGE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final byte ENCRYPTED = 'E';

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
