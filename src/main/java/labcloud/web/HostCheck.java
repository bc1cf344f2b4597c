package labcloud.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import labcloud.core.UsageException;

/**
 * The Host header values the dashboard answers: the address and port it listens on (on loopback
 * also localhost, 127.0.0.1 and [::1]; on a wildcard address every address of this machine), and
 * names the user allowed. Against DNS rebinding: a foreign name that resolves to this machine
 * still carries its own name in Host.
 */
final class HostCheck {
    private final Set<String> allowed = new LinkedHashSet<>();
    private final Set<String> names = new LinkedHashSet<>();

    /** A name (host, or host:port) the user allows; checked as a host name or address. */
    void allowName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!n.matches("[a-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9a-f:.]+](:[0-9]{1,5})?")) {
            throw new UsageException("--allow-host: expected a host name or address (optionally :port), not '" + name + "'");
        }
        names.add(n);
    }

    /** Called once the port is known. */
    void listening(String bind, int port) {
        Set<String> hosts = new LinkedHashSet<>();
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (java.net.UnknownHostException e) {
            throw new UsageException("--bind: unknown host or address '" + bind + "'");
        }
        hosts.add(literal(address));
        String b = bind.toLowerCase(Locale.ROOT);
        hosts.add(b.indexOf(':') >= 0 && !b.startsWith("[") ? "[" + b + "]" : b);
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            hosts.add("localhost");
            hosts.add("127.0.0.1");
            hosts.add("[::1]");
        }
        if (address.isAnyLocalAddress()) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) hosts.add(literal(a));
                }
            } catch (SocketException ignored) {
                // only the names above, then
            }
        }
        for (String h : hosts) allowed.add(h + ":" + port);
        for (String n : names) {
            allowed.add(n);
            if (!n.matches(".*:[0-9]+")) allowed.add(n + ":" + port);
        }
    }

    private static String literal(InetAddress a) {
        String h = a.getHostAddress().toLowerCase(Locale.ROOT);
        int zone = h.indexOf('%');
        if (zone >= 0) h = h.substring(0, zone);
        return h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    }

    boolean allows(String host) {
        return host != null && allowed.contains(host.strip().toLowerCase(Locale.ROOT));
    }

    String describe() {
        return allowed.stream().limit(4).reduce((a, b) -> a + ", " + b).orElse("(none)");
    }
}
