package labcloud.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One man page (roff, section 1) per command, written from the same picocli model that parses the
 * command line, so that a page can never describe an option the parser does not know:
 * {@code labcloud.1}, {@code labcloud-sync.1}, {@code labcloud-creds-whoami.1}, ...
 */
final class ManPages {
    private ManPages() {}

    /** Page name (without ".1") -> roff text, for the command and every subcommand below it. */
    static Map<String, String> of(CommandLine root, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        add(root, version, pages);
        return pages;
    }

    private static void add(CommandLine cmd, String version, Map<String, String> pages) {
        pages.put(pageName(cmd.getCommandSpec()), page(cmd.getCommandSpec(), version));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getCommandName().equals(sub.getCommandSpec().name()) && !sub.getCommandSpec().usageMessage().hidden()) {
                add(sub, version, pages);
            }
        }
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String page(CommandSpec spec, String version) {
        StringBuilder r = new StringBuilder();
        String title = pageName(spec).toUpperCase(java.util.Locale.ROOT);
        r.append(".TH \"").append(escape(title)).append("\" \"1\" \"\" \"").append(escape(version))
                .append("\" \"labcloud manual\"\n");
        String description = String.join(" ", spec.usageMessage().description());
        r.append(".SH NAME\n").append(escape(pageName(spec))).append(" \\- ").append(escape(firstSentence(description))).append('\n');
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        r.append(".SH SYNOPSIS\n.nf\n").append(lines(help.synopsis(0).strip())).append(".fi\n");
        r.append(".SH DESCRIPTION\n").append(lines(description));
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            r.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                r.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                        .append(lines(String.join(" ", p.description())));
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            r.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                List<String> names = new ArrayList<>();
                for (String n : o.names()) names.add("\\fB" + escape(n) + "\\fR");
                r.append(".TP\n").append(String.join(", ", names));
                if (o.arity().max() > 0) r.append("=\\fI").append(escape(o.paramLabel())).append("\\fR");
                r.append('\n').append(lines(String.join(" ", o.description())));
            }
        }
        Map<String, CommandLine> subs = spec.subcommands();
        if (!subs.isEmpty()) {
            r.append(".SH COMMANDS\n");
            subs.forEach((name, sub) -> {
                if (!name.equals(sub.getCommandSpec().name()) || sub.getCommandSpec().usageMessage().hidden()) return;
                r.append(".TP\n\\fB").append(escape(name)).append("\\fR\n")
                        .append(lines(firstSentence(String.join(" ", sub.getCommandSpec().usageMessage().description()))))
                        .append("See \\fB").append(escape(pageName(sub.getCommandSpec()))).append("\\fR(1).\n");
            });
        }
        r.append(".SH EXIT STATUS\n0 success, nothing found; 1 findings; 2 bad usage or input; 3 partial result; "
                + "4 authentication or permission failure; 5 other failure.\n");
        if (spec.parent() != null) {
            r.append(".SH SEE ALSO\n\\fB").append(escape(pageName(spec.parent()))).append("\\fR(1)\n");
        }
        return r.toString();
    }

    private static String firstSentence(String text) {
        String t = text.strip();
        int end = t.indexOf(". ");
        return end < 0 ? (t.endsWith(".") ? t.substring(0, t.length() - 1) : t) : t.substring(0, end);
    }

    /** Text as roff lines: escaped, none starting with a control character. */
    private static String lines(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = escape(line.stripTrailing());
            if (l.isEmpty()) continue;
            if (l.startsWith(".") || l.startsWith("'")) l = "\\&" + l;
            b.append(l).append('\n');
        }
        return b.toString();
    }

    /** roff's special characters: backslash, and '-' (a hyphen, not a minus, in option names). */
    static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
