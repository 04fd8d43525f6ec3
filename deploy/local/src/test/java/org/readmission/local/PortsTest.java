package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsForTestServersAreFreeAndOutsideTheEphemeralRange() {
        for (int i = 0; i < 20; i++) {
            int port = Ports.freePort(Ports.HOST);
            assertThat(port).isBetween(Ports.QUIET_LOW, Ports.QUIET_HIGH);
            assertThat(Ports.isFree(Ports.HOST, port)).isTrue();
        }
    }
}
