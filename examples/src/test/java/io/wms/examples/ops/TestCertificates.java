package io.wms.examples.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Certificates made with the {@code openssl} command for a test: a certificate authority, a server certificate for
 * {@code localhost} signed by it, and an unrelated authority the server certificate does not chain to.
 *
 * @param authority         the trusted authority's certificate (PEM)
 * @param strangerAuthority another authority's certificate (PEM)
 * @param serverCertificate the server's certificate (PEM), for {@code DNS:localhost} and {@code IP:127.0.0.1}
 * @param serverKey         the server's private key (PEM), readable by its owner only
 */
record TestCertificates(Path authority, Path strangerAuthority, Path serverCertificate, Path serverKey) {

    /**
     * Tells whether the {@code openssl} command is on the PATH.
     *
     * @return true if it is
     */
    static boolean canBeMade() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "openssl")));
    }

    /**
     * Makes the certificates in a directory.
     *
     * @param directory an existing directory
     * @return where they are
     * @throws IOException if openssl fails
     */
    static TestCertificates makeIn(Path directory) throws IOException, InterruptedException {
        for (String authority : List.of("ca", "stranger-ca")) {
            openssl(directory, "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", authority + ".key", "-out", authority + ".crt", "-days", "2",
                    "-subj", "/CN=wms backup test " + authority,
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        }
        openssl(directory, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(directory.resolve("server.ext"),
                "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        openssl(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "server.crt");
        // PostgreSQL refuses a private key that others may read.
        Files.setPosixFilePermissions(directory.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        return new TestCertificates(directory.resolve("ca.crt"), directory.resolve("stranger-ca.crt"),
                directory.resolve("server.crt"), directory.resolve("server.key"));
    }

    private static void openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Path output = directory.resolve("openssl.log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("openssl failed: " + command + "\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
    }
}
