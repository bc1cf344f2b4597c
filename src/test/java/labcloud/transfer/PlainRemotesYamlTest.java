package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import labcloud.core.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** remotes.yaml as labcloud writes it is read without the YAML parser, to the same result; any other form goes to the parser. */
class PlainRemotesYamlTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Map<String, Map<String, Object>> parser(String text) throws Exception {
        return YAML.readValue(text, new TypeReference<>() {});
    }

    @Test
    void filesLabcloudWritesReadAsTheParserReadsThem(@TempDir Path home) throws Exception {
        Random r = new Random(5);
        for (int round = 0; round < 40; round++) {
            Path dir = Files.createTempDirectory(home, "h");
            Remotes remotes = new Remotes(Environment.of(Map.of("HOME", dir.toString())));
            for (int i = r.nextInt(4) + 1; i > 0; i--) {
                String name = List.of("ceph", "minio-1", "Lab_store", "wasabi", "null", "true", "123", "x").get(r.nextInt(8)) + (r.nextBoolean() ? "" : i);
                String host = List.of("s3.example.org", "127.0.0.1", "[::1]", "ceph.lab.example.edu").get(r.nextInt(4));
                URI endpoint = URI.create((r.nextBoolean() ? "https" : "http") + "://" + host + ":" + (1 + r.nextInt(65535)) + (r.nextBoolean() ? "" : "/s3"));
                remotes.add(new Remote(name, endpoint, r.nextBoolean() ? null : "lab profile " + i, r.nextBoolean() ? null : "eu-west-" + i,
                        r.nextBoolean(), r.nextBoolean()));
            }
            String text = Files.readString(remotes.file());
            Map<String, Map<String, Object>> plain = PlainRemotesYaml.read(text);
            assertThat(plain).as(text).isNotNull().isEqualTo(parser(text));
        }
    }

    /** Forms a person may write: not read here, and read by the parser as before. */
    @ParameterizedTest
    @ValueSource(strings = {
        "lab:\n  endpoint: \"http://127.0.0.1:9000\" # the lab's MinIO\n  compat: true\n",
        "# remotes\nlab:\n  endpoint: \"http://127.0.0.1:9000\"\n",
        "lab:\n  endpoint: 'http://127.0.0.1:9000'\n",
        "lab:\n  endpoint: http://127.0.0.1:9000\n",
        "lab: {endpoint: \"http://127.0.0.1:9000\", compat: true}\n",
        "lab:\n    endpoint: \"http://127.0.0.1:9000\"\n",
        "lab:\r\n  endpoint: \"http://127.0.0.1:9000\"\r\n",
        "lab:\n  endpoint: \"http://127.0.0.1:9000/a\\\"b\"\n",
        "lab:\n  endpoint: \"http://127.0.0.1:9000\"\n  pathStyle: yes\n",
        "lab:\n  endpoint: \"http://127.0.0.1:9000\"\n  compat: True\n",
        "'lab':\n  endpoint: \"http://127.0.0.1:9000\"\n",
        "lab:\n  endpoint: \"http://127.0.0.1:9000\"\n  endpoint: \"http://127.0.0.1:9001\"\n",
        "lab:\n  endpoint: \"http://127.0.0.1:9000\"\n  extra: \"x\"\n",
        "lab:\n  endpoint: \"http://bücher.example:9000\"\n",
    })
    void otherFormsGoToTheParser(String text, @TempDir Path home) throws Exception {
        assertThat(PlainRemotesYaml.read(text)).as(text).isNull();
        Remotes remotes = new Remotes(Environment.of(Map.of("HOME", home.toString())));
        Files.createDirectories(remotes.file().getParent());
        Files.writeString(remotes.file(), text);
        Map<String, Remote> got;
        try {
            got = remotes.all();
        } catch (RuntimeException e) {
            return; // the parser's own verdict (a duplicate key, an unknown URL form): what it said before
        }
        Map<String, Map<String, Object>> raw = parser(text);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(raw.keySet());
        assertThat(got.get("lab").endpoint().toString()).isEqualTo(String.valueOf(raw.get("lab").get("endpoint")));
    }

    @Test
    void aNameWithoutFieldsIsLeftToTheParser() {
        assertThat(PlainRemotesYaml.read("---\nlab:\n")).isNull();
        assertThat(PlainRemotesYaml.read("---\nlab:\n  endpoint: \"http://127.0.0.1:9000\"\n")).isEqualTo(
                Map.of("lab", Map.of("endpoint", "http://127.0.0.1:9000")));
    }
}
