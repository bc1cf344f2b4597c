package labcloud.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The launcher's start-up cache of a family of commands holds the classes its first run loaded,
 * and commands of one family do not all load the same ones: a cache trained on an upload left
 * out what a re-sync or a download needs, and each of those then opened the jar to load them (a
 * re-sync of the deep bench tree took 1.13 s with a cache trained on an upload, 1.08 s with one
 * trained on a re-sync; medians of 9 interleaved runs). On a training run the launcher names the
 * family's packages (system property {@code labcloud.aot.packages}); every class in them is then
 * loaded, not initialised, before the JVM exits, so the cache holds them whichever command
 * trained it.
 */
final class AotTraining {
    static final String PACKAGES_PROPERTY = "labcloud.aot.packages";

    private AotTraining() {}

    /** Loads the classes of the named packages (and their subpackages); returns how many. */
    static int loadFamilyClasses() {
        String packages = System.getProperty(PACKAGES_PROPERTY);
        if (packages == null || packages.isBlank()) return 0;
        List<String> prefixes = Arrays.stream(packages.split(",")).map(p -> p.strip().replace('.', '/') + "/").toList();
        int loaded = 0;
        ClassLoader loader = AotTraining.class.getClassLoader();
        try {
            for (String file : classFiles()) {
                if (prefixes.stream().noneMatch(file::startsWith)) continue;
                try {
                    Class.forName(file.substring(0, file.length() - ".class".length()).replace('/', '.'), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class that cannot load is left out of the cache, as it would be anyway
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // the cache is only less complete
        }
        return loaded;
    }

    /** The class files next to this one: the jar's entries, or a classes directory's files (tests). */
    private static List<String> classFiles() throws IOException, URISyntaxException {
        Path source = Path.of(AotTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(source.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
            }
            return names;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(names::add);
        }
        return names;
    }
}
