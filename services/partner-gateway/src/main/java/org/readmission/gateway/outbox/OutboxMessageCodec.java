package org.readmission.gateway.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An outbox message as one compact binary value (version byte, id, topic, key, headers, payload; strings in
 * modified UTF-8, the payload length-prefixed). Stored messages are only ever read back to be published again,
 * and one binary value costs the local store a fraction of a nested document.
 */
final class OutboxMessageCodec {

    private static final byte VERSION = 1;

    private OutboxMessageCodec() {
    }

    static byte[] encode(OutboxMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.payload().length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(message.id());
            out.writeUTF(message.topic());
            out.writeBoolean(message.key() != null);
            if (message.key() != null) {
                out.writeUTF(message.key());
            }
            out.writeInt(message.headers().size());
            for (OutboxMessage.Header header : message.headers()) {
                out.writeUTF(header.name());
                out.writeUTF(header.value());
            }
            out.writeInt(message.payload().length);
            out.write(message.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static OutboxMessage decode(byte[] stored) {
        return decode(stored, null);
    }

    /** The message as stored, with the case seal it was stored under (not part of the encoded bytes). */
    static OutboxMessage decode(byte[] stored, OutboxMessage.CaseSeal caseSeal) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("stored outbox message has unknown format version " + version);
            }
            String id = in.readUTF();
            String topic = in.readUTF();
            String key = in.readBoolean() ? in.readUTF() : null;
            int headerCount = in.readInt();
            List<OutboxMessage.Header> headers = new ArrayList<>(headerCount);
            for (int i = 0; i < headerCount; i++) {
                headers.add(new OutboxMessage.Header(in.readUTF(), in.readUTF()));
            }
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return new OutboxMessage(id, topic, key, headers, payload, caseSeal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
