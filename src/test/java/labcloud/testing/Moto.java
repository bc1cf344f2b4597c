package labcloud.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.Environment;
import labcloud.demo.MotoServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one moto server for the whole test run (started on first use, stopped at
 * the end), reset before each test. Test methods and constructors can ask for the
 * {@link MotoServer}, or for a {@link TestLab}: a fresh HOME and an AwsContext pointed at moto.
 *
 * <p>If moto_server is missing, the tests fail with one line saying how to install it.
 */
public final class Moto implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Moto.class);

    private record Holder(MotoServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    public static MotoServer server(ExtensionContext ctx) {
        return ctx.getRoot().getStore(NS).getOrComputeIfAbsent("moto", k -> {
            if (MotoServer.findExecutableOnPath().isEmpty()) {
                throw new IllegalStateException(MotoServer.INSTALL_HINT);
            }
            return new Holder(MotoServer.start());
        }, Holder.class).server();
    }

    @Override
    public void beforeAll(ExtensionContext ctx) {
        server(ctx);
    }

    @Override
    public void beforeEach(ExtensionContext ctx) {
        server(ctx).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> t = p.getParameter().getType();
        return t == MotoServer.class || t == TestLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        MotoServer server = server(ctx);
        if (p.getParameter().getType() == MotoServer.class) return server;
        TestLab lab = TestLab.create(server);
        ctx.getStore(NS).put(lab, (ExtensionContext.Store.CloseableResource) lab::close);
        return lab;
    }

    /** Environment variables that point at moto with fake keys, HOME in {@code home}. */
    public static Map<String, String> envFor(MotoServer server, Path home) {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("PATH", System.getenv().getOrDefault("PATH", ""));
        vars.put("AWS_ACCESS_KEY_ID", "testing");
        vars.put("AWS_SECRET_ACCESS_KEY", "testing-secret-key");
        vars.put("AWS_REGION", "us-east-1");
        vars.put("AWS_ENDPOINT_URL", server.endpoint().toString());
        vars.put("AWS_MAX_ATTEMPTS", "3");
        try {
            Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return vars;
    }

    public static AwsContext context(MotoServer server, Path home) {
        return new AwsContext(AwsSettings.defaults(), Environment.of(envFor(server, home)));
    }
}
