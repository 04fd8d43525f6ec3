package org.readmission.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Small helpers about TCP ports on the loopback address. */
public final class Ports {

    public static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /** True when nothing listens on {@code host:port} (we can bind it ourselves). */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when a TCP connection to {@code host:port} succeeds within {@code timeoutMillis}. */
    public static boolean canConnect(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where {@link #freePort} looks first: below Linux's default ephemeral range (32768–60999). */
    static final int QUIET_LOW = 20000;
    static final int QUIET_HIGH = 32767;

    /**
     * A port that is free on {@code host} right now (for tests), for a server that binds it a little later. Taken
     * below the ephemeral range, because a port from that range (what binding port 0 gives) can meanwhile become the
     * local end of any outgoing connection — a Kafka or MongoDB client of an already running service — and the server
     * then fails with "port already in use". Falls back to an ephemeral port when the quiet range seems full.
     */
    public static int freePort(String host) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = random.nextInt(QUIET_LOW, QUIET_HIGH + 1);
            if (isFree(host, candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + host, e);
        }
    }
}
