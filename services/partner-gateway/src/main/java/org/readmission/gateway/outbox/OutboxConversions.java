package org.readmission.gateway.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import org.bson.types.Binary;
import org.readmission.gateway.protection.GatewayFields;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.FieldEncryption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Compact storage of what is only stored to be published again: an outbox message as one binary value
 * ({@link OutboxMessageCodec}), encrypted (it may carry an application): under the case's key ({@link CaseKeys}) when
 * the message belongs to a case ({@link OutboxMessage#caseSeal()}), so that shredding the case key makes it unreadable,
 * else under the service-wide key ({@link FieldEncryption}); a Kafka header as one string, {@code <name length>:<name><value>}.
 * On the local store (mongo-java-server's H2 backend serialises every stored object) this is several times cheaper than sub-documents.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions(FieldEncryption encryption, ObjectProvider<CaseKeys> caseKeys) {
        return new MongoCustomConversions(List.of(new HeaderWriter(), new HeaderReader(), new MessageWriter(encryption, caseKeys::getObject),
                new MessageReader(encryption, caseKeys::getObject)));
    }

    /**
     * Service-wide: {@code 'E'}, the message id (UTF, in clear: it is the ce_id), then the encoded message encrypted with
     * the associated data {@code <id>/outboxMessage}, so a stored message cannot be moved to another id unnoticed.
     * Under a case key: {@code 'C'}, the message id, the case id and the owner (UTF, ids in clear), then the encoded
     * message sealed under the case's key with the associated data case + {@code <owner>#<id>} + {@code outboxMessage}.
     */
    @WritingConverter
    static final class MessageWriter implements Converter<OutboxMessage, Binary> {
        private final FieldEncryption encryption;
        private final Supplier<CaseKeys> caseKeys;

        MessageWriter(FieldEncryption encryption) {
            this(encryption, () -> {
                throw new IllegalStateException("no case keys");
            });
        }

        MessageWriter(FieldEncryption encryption, Supplier<CaseKeys> caseKeys) {
            this.encryption = encryption;
            this.caseKeys = caseKeys;
        }

        @Override
        public Binary convert(OutboxMessage message) {
            OutboxMessage.CaseSeal seal = message.caseSeal();
            byte[] encoded = OutboxMessageCodec.encode(message);
            byte[] sealed = seal == null ? encryption.encrypt(encoded, message.id(), GatewayFields.OUTBOX_MESSAGE)
                    : caseKeys.get().encrypt(seal.caseId(), ownerOf(seal, message.id()), encoded, GatewayFields.OUTBOX_MESSAGE);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(sealed.length + 64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(seal == null ? ENCRYPTED : CASE_SEALED);
                out.writeUTF(message.id());
                if (seal != null) {
                    out.writeUTF(seal.caseId());
                    out.writeUTF(seal.owner());
                }
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
        private final Supplier<CaseKeys> caseKeys;

        MessageReader(FieldEncryption encryption) {
            this(encryption, () -> {
                throw new IllegalStateException("no case keys");
            });
        }

        MessageReader(FieldEncryption encryption, Supplier<CaseKeys> caseKeys) {
            this.encryption = encryption;
            this.caseKeys = caseKeys;
        }

        /** @throws org.readmission.protection.CaseKeyShreddedException the message's case was erased */
        @Override
        public OutboxMessage convert(Binary stored) {
            byte[] data = stored.getData();
            if (data.length == 0 || (data[0] != ENCRYPTED && data[0] != CASE_SEALED)) {
                return OutboxMessageCodec.decode(data); // stored before encryption
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte format = in.readByte();
                String id = in.readUTF();
                if (format == ENCRYPTED) {
                    return OutboxMessageCodec.decode(encryption.decrypt(in.readAllBytes(), id, GatewayFields.OUTBOX_MESSAGE));
                }
                OutboxMessage.CaseSeal seal = new OutboxMessage.CaseSeal(in.readUTF(), in.readUTF());
                byte[] sealed = in.readAllBytes();
                return OutboxMessageCodec.decode(caseKeys.get().decrypt(seal.caseId(), ownerOf(seal, id), sealed,
                        GatewayFields.OUTBOX_MESSAGE), seal);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The owner in the associated data: the document and the message, so no message moves to another unnoticed. */
    static String ownerOf(OutboxMessage.CaseSeal seal, String messageId) {
        return seal.owner() + "#" + messageId;
    }

    static final byte CASE_SEALED = 'C';
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
