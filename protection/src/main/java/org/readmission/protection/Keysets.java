package org.readmission.protection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Set;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;

/** Loading, generating, saving and rotating Tink keysets (Tink JSON format). */
public final class Keysets {

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not register its key types", e);
        }
    }

    private Keysets() {
    }

    public static KeysetHandle generate(Parameters parameters) {
        try {
            return KeysetHandle.generateNew(parameters);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate a keyset", e);
        }
    }

    /** A new key becomes primary (new data is protected with it); the old keys stay, so old data still reads. */
    public static KeysetHandle rotate(KeysetHandle keyset, Parameters parameters) {
        try {
            return KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the keyset", e);
        }
    }

    /** Reads the keyset file; when missing and allowed, generates one and writes it (owner-only permissions). */
    public static KeysetHandle loadOrGenerate(Path file, Parameters parameters, boolean generateIfMissing) {
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("keyset file " + file + " is missing and generation is switched off");
            }
            KeysetHandle keyset = generate(parameters);
            save(keyset, file);
            return keyset;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyset file " + file + " is not a valid Tink keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read keyset file " + file, e);
        }
    }

    public static void save(KeysetHandle keyset, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "keyset", ".tmp");
            restrict(temporary);
            Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not serialise the keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write keyset file " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: permissions stay as the system sets them
        }
    }
}
