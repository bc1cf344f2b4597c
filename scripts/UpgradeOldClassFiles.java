import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rewrites the class files of a jar that are older than Java 6 (class-file version 50) as Java 8
 * class files, with the stack maps that version requires.
 *
 * Why: a JDK's AOT cache (and a CDS archive) leaves such classes out ("Old class has been
 * linked"), so every start parses, verifies with the old type-inferring verifier and links them
 * again. picocli is compiled for Java 5: its ~170 classes that every command loads were ~0.1 CPU-s
 * of each start. The code itself is not changed, only re-encoded.
 *
 * Needs JDK 24 or later (the java.lang.classfile API); run as a source file:
 *   java scripts/UpgradeOldClassFiles.java target/labcloud.jar
 */
public final class UpgradeOldClassFiles {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UpgradeOldClassFiles.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        int upgraded = 0;
        int kept = 0;
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            // Stack maps need the common superclass of two types: the JDK's own, then the jar's.
            ClassHierarchyResolver inJar = ClassHierarchyResolver.ofResourceParsing(desc -> {
                String name = desc.descriptorString();
                Path p = zip.getPath(name.substring(1, name.length() - 1) + ".class");
                try {
                    return Files.exists(p) ? Files.newInputStream(p) : null;
                } catch (IOException e) {
                    return (InputStream) null;
                }
            });
            ClassFile cf = ClassFile.of(
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver().orElse(inJar)),
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            // Rebuilding every method body is what makes the API generate its stack map table.
            ClassTransform toJava8 = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen(ClassTransform.endHandler(b -> b.withVersion(ClassFile.JAVA_8_VERSION, 0)));
            List<Path> classes;
            try (Stream<Path> all = Files.walk(zip.getPath("/"))) {
                classes = all.filter(p -> p.toString().endsWith(".class") && !p.startsWith("/META-INF")).toList();
            }
            for (Path p : classes) {
                byte[] bytes = Files.readAllBytes(p);
                if (bytes.length < 8 || ((bytes[6] & 0xff) << 8 | (bytes[7] & 0xff)) >= ClassFile.JAVA_6_VERSION) continue;
                try {
                    ClassModel model = cf.parse(bytes);
                    Files.write(p, cf.transformClass(model, toJava8));
                    upgraded++;
                } catch (RuntimeException e) {
                    kept++; // e.g. jsr/ret subroutines, which have no stack-map form: left as they were
                }
            }
        }
        System.out.println("UpgradeOldClassFiles: " + upgraded + " class files of " + jar.getFileName()
                + " now Java 8" + (kept > 0 ? ", " + kept + " left as they were" : ""));
    }
}
