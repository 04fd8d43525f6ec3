package org.readmission.events;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Binary decoding that refuses string, bytes and collection lengths larger than the body they come from,
 * so a few hostile bytes claiming a 2 GB string cannot make the reader allocate it.
 */
final class LengthLimitedDecoder extends Decoder {

  private final BinaryDecoder in;
  private final long limit;

  LengthLimitedDecoder(BinaryDecoder in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  boolean isEnd() throws IOException {
    return in.isEnd();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length(in.readLong(), "string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    in.readFixed(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length(in.readLong(), "bytes");
    ByteBuffer result = old != null && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
    in.readFixed(result.array(), result.position(), length);
    result.limit(length);
    return result;
  }

  @Override
  public long readArrayStart() throws IOException {
    return length(in.readArrayStart(), "array block");
  }

  @Override
  public long arrayNext() throws IOException {
    return length(in.arrayNext(), "array block");
  }

  @Override
  public long readMapStart() throws IOException {
    return length(in.readMapStart(), "map block");
  }

  @Override
  public long mapNext() throws IOException {
    return length(in.mapNext(), "map block");
  }

  private int length(long length, String what) {
    if (length < 0 || length > limit) {
      throw new AvroRuntimeException("malformed data: " + what + " length " + length
          + " does not fit in a body of " + limit + " bytes");
    }
    return (int) length;
  }

  // plain delegation

  @Override public void readNull() throws IOException { in.readNull(); }
  @Override public boolean readBoolean() throws IOException { return in.readBoolean(); }
  @Override public int readInt() throws IOException { return in.readInt(); }
  @Override public long readLong() throws IOException { return in.readLong(); }
  @Override public float readFloat() throws IOException { return in.readFloat(); }
  @Override public double readDouble() throws IOException { return in.readDouble(); }
  @Override public void skipString() throws IOException { in.skipString(); }
  @Override public void skipBytes() throws IOException { in.skipBytes(); }
  @Override public void readFixed(byte[] bytes, int start, int length) throws IOException { in.readFixed(bytes, start, length); }
  @Override public void skipFixed(int length) throws IOException { in.skipFixed(length); }
  @Override public int readEnum() throws IOException { return in.readEnum(); }
  @Override public long skipArray() throws IOException { return in.skipArray(); }
  @Override public long skipMap() throws IOException { return in.skipMap(); }
  @Override public int readIndex() throws IOException { return in.readIndex(); }
}
