package labcloud.transfer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.SecureFiles;
import labcloud.core.UsageException;

/**
 * Named remotes in ~/.labcloud/remotes.yaml. The file holds endpoints and profile names only;
 * credentials stay in the AWS credential files.
 */
public final class Remotes {
    private final Path file;

    /** Built on first use: most runs read the file in its plain form without it. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    public Remotes(Environment env) {
        this.file = env.labcloudDir().resolve("remotes.yaml");
    }

    public Path file() {
        return file;
    }

    public Map<String, Remote> all() {
        if (!Files.exists(file)) return Map.of();
        Map<String, Map<String, Object>> raw;
        try {
            byte[] bytes = Files.readAllBytes(file);
            raw = PlainRemotesYaml.read(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (raw == null) raw = Yaml.MAPPER.readValue(bytes, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UsageException(file + ": not a valid remotes file (" + firstLine(e.getMessage()) + ")");
        }
        Map<String, Remote> out = new TreeMap<>();
        if (raw == null) return out;
        raw.forEach((name, fields) -> out.put(name, parse(name, fields)));
        return out;
    }

    private Remote parse(String name, Map<String, Object> f) {
        Object endpoint = f == null ? null : f.get("endpoint");
        if (endpoint == null) throw new UsageException(file + ": remote '" + name + "': field 'endpoint' is missing");
        URI uri = labcloud.core.EndpointUrl.parse(endpoint.toString(), file + ": remote '" + name + "': field 'endpoint'");
        return new Remote(name, uri, str(f.get("profile")), str(f.get("region")),
                Boolean.TRUE.equals(f.get("pathStyle")), Boolean.TRUE.equals(f.get("compat")));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    public Optional<Remote> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    public void add(Remote r) {
        if (!Remote.validName(r.name())) {
            throw new UsageException("invalid remote name '" + r.name() + "' (letters, digits, '-' and '_'; not 's3')");
        }
        labcloud.core.EndpointUrl.check(r.endpoint(), "--endpoint");
        Map<String, Remote> all = new TreeMap<>(all());
        all.put(r.name(), r);
        save(all);
    }

    public boolean remove(String name) {
        Map<String, Remote> all = new TreeMap<>(all());
        if (all.remove(name) == null) return false;
        save(all);
        return true;
    }

    private void save(Map<String, Remote> all) {
        Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
        all.forEach((name, r) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("endpoint", r.endpoint().toString());
            if (r.profile() != null) f.put("profile", r.profile());
            if (r.region() != null) f.put("region", r.region());
            f.put("pathStyle", r.pathStyle());
            f.put("compat", r.compat());
            raw.put(name, f);
        });
        try {
            SecureFiles.writeAtomically(file, Yaml.MAPPER.writeValueAsString(raw));
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "parse error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
