package labcloud.testing;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one S3Proxy process for the whole test run, started on first use. Tests ask
 * for the {@link S3ProxyServer} and create buckets with names of their own.
 */
public final class S3Proxy implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(S3Proxy.class);

    private record Holder(S3ProxyServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    public static S3ProxyServer server(ExtensionContext ctx) {
        return ctx.getRoot().getStore(NS).getOrComputeIfAbsent("s3proxy", k -> {
            try {
                return new Holder(S3ProxyServer.start(Files.createTempDirectory("labcloud-s3proxy-")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Holder.class).server();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        return server(ctx);
    }
}
