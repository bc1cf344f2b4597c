package labcloud.cli;

import java.net.URI;
import java.util.Map;
import labcloud.cli.convert.EndpointUrlConverter;
import labcloud.cli.convert.RegionConverter;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.transfer.Remote;
import labcloud.transfer.Remotes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "remote", description = "Named S3-compatible stores, used as NAME:bucket/prefix.",
        subcommands = {RemoteCommand.Add.class, RemoteCommand.ListRemotes.class, RemoteCommand.Remove.class})
public final class RemoteCommand extends BaseCommand {
    @Override
    protected int run() {
        spec.commandLine().usage(out().stdout());
        return ExitCode.USAGE;
    }

    @Command(name = "add", description = "Add or replace a remote. Credentials come from --profile (global option) or the usual AWS chain.")
    public static final class Add extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--endpoint", required = true, paramLabel = "URL", converter = EndpointUrlConverter.class,
                description = "the store's S3 endpoint, e.g. https://s3.example.org")
        URI endpoint;

        @Option(names = "--path-style", description = "bucket in the path, not the host name (always on for custom endpoints)")
        boolean pathStyle;

        @Option(names = "--compat", description = "send checksums only where required (S3Proxy, Ceph, MinIO, R2)")
        boolean compat;

        @Option(names = "--remote-region", paramLabel = "REGION", converter = RegionConverter.class, description = "region to sign requests for (default: us-east-1)")
        String region;

        @Override
        protected int run() {
            Remote r = new Remote(name, endpoint, globals().profile(), region != null ? region : globals().region(), pathStyle, compat);
            Remotes remotes = new Remotes(env());
            remotes.add(r);
            out().info("remote '" + name + "' saved in " + remotes.file() + "; use it as " + name + ":bucket/prefix");
            out().result(r, new Table().fixed("NAME").left("ENDPOINT").left("PROFILE").left("COMPAT")
                    .row(r.name(), r.endpoint(), r.profile(), r.compat()));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List remotes.")
    public static final class ListRemotes extends BaseCommand {
        @Override
        protected int run() {
            Map<String, Remote> all = new Remotes(env()).all();
            Table t = new Table().fixed("NAME").left("ENDPOINT").left("PROFILE").left("COMPAT");
            all.values().forEach(r -> t.row(r.name(), r.endpoint(), r.profile(), r.compat()));
            out().result(all.values(), t);
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Remove a remote.")
    public static final class Remove extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        protected int run() {
            if (!new Remotes(env()).remove(name)) throw new UsageException("no remote named '" + name + "'");
            out().info("remote '" + name + "' removed");
            return ExitCode.OK;
        }
    }
}
