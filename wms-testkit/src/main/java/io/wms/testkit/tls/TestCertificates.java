package io.wms.testkit.tls;

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
 * Certificates for a TLS test, made with the {@code openssl} command in a directory: a trusted certificate
 * authority, a server certificate for {@code localhost} and {@code 127.0.0.1} signed by it, client certificates on
 * demand, and an unrelated authority that nothing chains to.
 *
 * <p>Private keys are readable by their owner only, as PostgreSQL and libpq demand.
 */
public final class TestCertificates {

    private static final String TRUSTED = "trusted-ca";
    private static final String STRANGER = "stranger-ca";

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    /**
     * A client certificate and its private key, in the forms the clients read.
     *
     * @param certificate the certificate (PEM)
     * @param key         the private key (PEM), for libpq
     * @param keyPkcs8Der the same key as PKCS#8 DER, for pgjdbc, which cannot load an EC key from openssl's PEM
     */
    public record ClientCertificate(Path certificate, Path key, Path keyPkcs8Der) {
    }

    /**
     * Tells whether the {@code openssl} command is on the PATH, so that a test can assume it before making any.
     *
     * @return {@code true} if it is
     */
    public static boolean canBeMade() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "openssl")));
    }

    /**
     * Makes the two authorities and the server certificate in a directory.
     *
     * @param directory an existing, writable directory
     * @return the certificates
     * @throws IOException          if openssl fails or the files cannot be written
     * @throws InterruptedException if interrupted while openssl runs
     */
    public static TestCertificates makeIn(Path directory) throws IOException, InterruptedException {
        TestCertificates certificates = new TestCertificates(directory);
        certificates.authority(TRUSTED, "wms test CA");
        certificates.authority(STRANGER, "wms stranger CA");
        certificates.signed("server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "extendedKeyUsage=serverAuth\n");
        return certificates;
    }

    /**
     * Makes a client certificate signed by the trusted authority.
     *
     * @param commonName the certificate's common name, which PostgreSQL's {@code cert} authentication takes as the
     *                   role name
     * @return the certificate and its key
     * @throws IOException          if openssl fails
     * @throws InterruptedException if interrupted while openssl runs
     */
    public ClientCertificate client(String commonName) throws IOException, InterruptedException {
        String name = "client-" + commonName;
        signed(name, commonName, "extendedKeyUsage=clientAuth\n");
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", name + ".key", "-outform", "DER", "-out", name + ".pk8");
        return new ClientCertificate(directory.resolve(name + ".crt"), directory.resolve(name + ".key"),
                directory.resolve(name + ".pk8"));
    }

    /**
     * Returns the trusted authority's certificate.
     *
     * @return the PEM file
     */
    public Path authority() {
        return directory.resolve(TRUSTED + ".crt");
    }

    /**
     * Returns the certificate of an authority that signed nothing here.
     *
     * @return the PEM file
     */
    public Path strangerAuthority() {
        return directory.resolve(STRANGER + ".crt");
    }

    /**
     * Returns the server's certificate, for {@code DNS:localhost} and {@code IP:127.0.0.1}.
     *
     * @return the PEM file
     */
    public Path serverCertificate() {
        return directory.resolve("server.crt");
    }

    /**
     * Returns the server's private key.
     *
     * @return the PEM file, readable by its owner only
     */
    public Path serverKey() {
        return directory.resolve("server.key");
    }

    private void authority(String name, String commonName) throws IOException, InterruptedException {
        openssl("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".crt", "-days", "2", "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void signed(String name, String commonName, String extensions) throws IOException, InterruptedException {
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + commonName);
        Files.writeString(directory.resolve(name + ".ext"), extensions);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", TRUSTED + ".crt", "-CAkey", TRUSTED + ".key",
                "-CAcreateserial", "-days", "2", "-extfile", name + ".ext", "-out", name + ".crt");
        Files.setPosixFilePermissions(directory.resolve(name + ".key"), PosixFilePermissions.fromString("rw-------"));
    }

    private void openssl(String... arguments) throws IOException, InterruptedException {
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
