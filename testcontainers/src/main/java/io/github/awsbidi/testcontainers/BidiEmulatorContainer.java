package io.github.awsbidi.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The aws-bidi emulator image ({@code aws-bidi-emulator:<version>}, built by this project) as a Testcontainers
 * container. It serves SageMaker {@code InvokeEndpointWithBidirectionalStream} (built-in endpoints {@code echo} and
 * {@code transcribe-sim}) and Bedrock {@code InvokeModelWithBidirectionalStream} (Nova 2 Sonic and any model id
 * starting with {@code echo}); a configuration file adds endpoints, models and faults.
 *
 * <pre>{@code
 * @Container
 * static BidiEmulatorContainer emulator = new BidiEmulatorContainer()
 *         .withConfigFile(Path.of("src/test/resources/emulator.json"))
 *         .withTls();
 * // emulator.getEndpoint(), getRegion(), getAccessKeyId()/getSecretAccessKey(), getTrustManagers()
 * }</pre>
 *
 * It is ready once the emulator prints {@code aws-bidi emulator listening on …}. Clients sign with
 * {@link #getAccessKeyId()}/{@link #getSecretAccessKey()} for {@link #getRegion()}; the emulator checks the
 * signatures. With {@link #withTls()} its self-signed certificate is read from the container after start, for clients
 * to trust; it names the host Testcontainers maps the port to ({@link #getHost()}), {@code localhost},
 * {@code 127.0.0.1} and any names given to {@link #withTls(String...)}.
 */
public final class BidiEmulatorContainer extends GenericContainer<BidiEmulatorContainer> {

    /** The port the emulator listens on inside the container. */
    public static final int PORT = 8080;

    /** The image name, without tag, that this project builds. */
    public static final String IMAGE_NAME = "aws-bidi-emulator";

    /** Where {@link #withConfigFile} puts the configuration file in the container. */
    public static final String CONFIG_PATH = "/config/emulator.json";

    /** Where the emulator writes its certificate in the container when TLS is on. */
    public static final String CERTIFICATE_PATH = "/tmp/emulator.pem";

    private static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse(IMAGE_NAME);

    private String accessKeyId = "test";

    private String secretAccessKey = "test";

    private String region = "us-east-1";

    private boolean credentialsSet;

    private boolean configFile;

    private boolean tls;

    private final List<String> tlsNames = new ArrayList<>();

    private @Nullable X509Certificate certificate;

    /** A container of {@code aws-bidi-emulator} tagged with this library's version. */
    public BidiEmulatorContainer() {
        this(defaultImage());
    }

    /**
     * A container of the given image, e.g. {@code "aws-bidi-emulator:0.1.0"} or a copy in your own registry.
     *
     * @param image the image name
     */
    public BidiEmulatorContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /**
     * A container of the given image, which must be {@code aws-bidi-emulator} or declared compatible with it
     * ({@code DockerImageName.parse("my/emulator").asCompatibleSubstituteFor("aws-bidi-emulator")}).
     *
     * @param image the image name
     */
    public BidiEmulatorContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE);
        withExposedPorts(PORT);
        // The image prints this line once it accepts connections; startup takes a second or two.
        waitingFor(Wait.forLogMessage(".*aws-bidi emulator listening on .*\\n", 1)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /**
     * Copies a JSON configuration file (endpoints, models, credentials, faults: see docs/emulator.md) to
     * {@value #CONFIG_PATH} and starts the emulator with it.
     *
     * @param file the file on this machine
     * @return this container
     */
    public BidiEmulatorContainer withConfigFile(Path file) {
        // Readable by the image's non-root user whatever the file's own mode is.
        return withConfig(MountableFile.forHostPath(file, 0644));
    }

    /**
     * Copies a classpath resource as the JSON configuration file, like {@link #withConfigFile(Path)}.
     *
     * @param resource the resource path, e.g. {@code "emulator.json"}
     * @return this container
     */
    public BidiEmulatorContainer withConfigResource(String resource) {
        return withConfig(MountableFile.forClasspathResource(resource, 0644));
    }

    /**
     * Uses the given JSON text as the configuration file, like {@link #withConfigFile(Path)}.
     *
     * @param json the configuration
     * @return this container
     */
    public BidiEmulatorContainer withConfigJson(String json) {
        withCopyToContainer(Transferable.of(json.getBytes(StandardCharsets.UTF_8), 0644), CONFIG_PATH);
        this.configFile = true;
        return this;
    }

    private BidiEmulatorContainer withConfig(MountableFile file) {
        withCopyFileToContainer(file, CONFIG_PATH);
        this.configFile = true;
        return this;
    }

    /**
     * Serves HTTPS (TLS with ALPN h2) with a self-signed certificate generated at start, which
     * {@link #getCertificate()} and {@link #getTrustManagers()} then return.
     *
     * @return this container
     */
    public BidiEmulatorContainer withTls() {
        this.tls = true;
        return this;
    }

    /**
     * Serves HTTPS as {@link #withTls()} does, with a certificate that also names {@code extraNames}: host names or IP
     * addresses other clients reach the container by (e.g. a Docker network alias). The host Testcontainers maps the
     * port to ({@link #getHost()}) is always named.
     *
     * @param extraNames more host names or IP addresses for the certificate
     * @return this container
     */
    public BidiEmulatorContainer withTls(String... extraNames) {
        for (String name : extraNames) {
            if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "a certificate name must be a host name or IP address, was '" + name + "'");
            }
            this.tlsNames.add(name);
        }
        this.tls = true;
        return this;
    }

    /**
     * The only key pair the emulator accepts, replacing the configuration file's (default {@code test}/{@code test}).
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return this container
     */
    public BidiEmulatorContainer withCredentials(String accessKeyId, String secretAccessKey) {
        if (accessKeyId.isEmpty() || accessKeyId.contains(":")) {
            throw new IllegalArgumentException("accessKeyId must be non-empty without ':', was '" + accessKeyId + "'");
        }
        if (secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secretAccessKey must not be empty");
        }
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.credentialsSet = true;
        return this;
    }

    /**
     * The region clients sign for; the emulator accepts any. Default {@code us-east-1}.
     *
     * @param region the region id
     * @return this container
     */
    public BidiEmulatorContainer withRegion(String region) {
        this.region = region;
        return this;
    }

    @Override
    protected void configure() {
        // The emulator's arguments follow the image's entry point, which already binds 0.0.0.0:8080.
        setCommand(arguments(getHost()).toArray(String[]::new));
    }

    /**
     * The emulator's command-line arguments for a container whose port clients reach on {@code host}: with TLS, the
     * certificate names that host (whatever Testcontainers detected: {@code localhost}, a Docker bridge address, a
     * remote {@code DOCKER_HOST}, {@code TESTCONTAINERS_HOST_OVERRIDE}) and the extra names.
     */
    List<String> arguments(String host) {
        List<String> arguments = new ArrayList<>();
        if (this.configFile) {
            arguments.add("--config");
            arguments.add(CONFIG_PATH);
        }
        if (this.tls) {
            arguments.add("--tls");
            arguments.add("--cert-out");
            arguments.add(CERTIFICATE_PATH);
            Set<String> names = new LinkedHashSet<>();
            names.add(host);
            names.addAll(this.tlsNames);
            for (String name : names) {
                arguments.add("--cert-name");
                arguments.add(name);
            }
        }
        if (this.credentialsSet) {
            arguments.add("--credentials");
            arguments.add(this.accessKeyId + ":" + this.secretAccessKey);
        }
        return arguments;
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        // The emulator writes the certificate before it prints the line the wait strategy waited for.
        this.certificate =
                this.tls ? copyFileFromContainer(CERTIFICATE_PATH, BidiEmulatorContainer::readCertificate) : null;
    }

    /**
     * The endpoint to give the AWS SDK clients, e.g. {@code http://localhost:32768}.
     *
     * @return the endpoint on the mapped port
     */
    public URI getEndpoint() {
        return URI.create((this.tls ? "https://" : "http://") + getHost() + ":" + getMappedPort(PORT));
    }

    /**
     * The region clients sign for.
     *
     * @return the region id
     */
    public String getRegion() {
        return this.region;
    }

    /**
     * The access key id clients sign with.
     *
     * @return the access key id
     */
    public String getAccessKeyId() {
        return this.accessKeyId;
    }

    /**
     * The secret access key clients sign with.
     *
     * @return the secret access key
     */
    public String getSecretAccessKey() {
        return this.secretAccessKey;
    }

    /**
     * Whether the emulator serves HTTPS.
     *
     * @return whether TLS is on
     */
    public boolean isTls() {
        return this.tls;
    }

    /**
     * The emulator's self-signed certificate, read from the started container.
     *
     * @return the certificate
     * @throws IllegalStateException without {@link #withTls()} or before start
     */
    public X509Certificate getCertificate() {
        X509Certificate current = this.certificate;
        if (current == null) {
            throw new IllegalStateException(this.tls ? "the container has not started" : "TLS is off: call withTls()");
        }
        return current;
    }

    /**
     * Trust managers that trust only the emulator's certificate, for the SDK's HTTP client
     * ({@code TlsTrustManagersProvider}).
     *
     * @return the trust managers
     */
    public TrustManager[] getTrustManagers() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("aws-bidi-emulator", getCertificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build trust managers for the emulator's certificate", e);
        }
    }

    private static X509Certificate readCertificate(InputStream pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
    }

    static DockerImageName defaultImage() {
        Properties properties = new Properties();
        try (InputStream in =
                BidiEmulatorContainer.class.getResourceAsStream("/META-INF/aws-bidi-testcontainers.properties")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/aws-bidi-testcontainers.properties is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DockerImageName.parse(properties.getProperty("image"));
    }
}
