import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.InnerClassInfo;
import java.lang.classfile.attribute.InnerClassesAttribute;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes from the shaded jar the parts of the AWS SDK's service modules that labcloud never
 * reaches. A service module holds a client with one method per API operation (EC2 has ~750) and
 * the request, response and shape classes of every operation: labcloud calls a few dozen, and the
 * rest were two thirds of the jar.
 *
 * How: every class outside software/amazon/awssdk/services/ and kotlin/ (Javalin's library, of
 * which about 70% is reached) is kept as it is and is a root. A traced class is kept when a kept
 * class refers to it (by class, by a type in a descriptor or signature, or by its name in a
 * string, which is how the SDK's core loads the STS and SSO credential factories). The clients
 * (the classes named *Client, outside the model) are the one place cut at method level: an
 * operation method (one whose signature names a model, paginator or waiter type) stays only when
 * something kept calls an operation of that name and descriptor on any client of the same
 * service. Everything else of a client stays, and a kept client method keeps what its own code
 * refers to. Kept classes are copied unchanged; a trimmed client keeps its constant pool and its
 * remaining methods' bytes as they were.
 *
 * Reflection on service classes by computed names would escape this; the SDK does none beyond the
 * named factories (its native-image reflection configs list only those), and `mvn verify` runs
 * the permissions test's commands again as java -jar on the packaged jar (maven-failsafe-plugin).
 *
 * Needs JDK 24 or later (the java.lang.classfile API); run as a source file:
 *   java scripts/ShrinkSdkServices.java target/labcloud.jar
 */
public final class ShrinkSdkServices {
    private static final String SERVICES = "software/amazon/awssdk/services/";
    /** What is traced: the SDK's service modules, and the Kotlin library (Javalin's), of which about 70% is reached. */
    private static final List<String> TRACED = List.of(SERVICES, "kotlin/");
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L((?:software/amazon/awssdk/services|kotlin)/[^;<>]+)[;<]");
    private static final Pattern NAME_IN_STRING = Pattern.compile("(?:software\\.amazon\\.awssdk\\.services|kotlin)\\.[A-Za-z0-9_.$]+");
    private static final Pattern OPERATION_TYPE = Pattern.compile("Lsoftware/amazon/awssdk/services/[^/;]+/(model|paginators|waiters)/");

    private final ClassFile cf = ClassFile.of();
    private final Map<String, byte[]> traced = new HashMap<>();
    private final Set<String> kept = new HashSet<>();
    private final Deque<String> toScan = new ArrayDeque<>();
    /** Per service, the operations (name + descriptor) something kept calls on one of its clients. */
    private final Map<String, Set<String>> calledOperations = new HashMap<>();
    /** For each kept class, the class that first referred to it: the answer to "why is this kept?". */
    private final Map<String, String> keptBecause = new HashMap<>();
    private String scanning;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java ShrinkSdkServices.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        long before = Files.size(jar);
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            new ShrinkSdkServices().shrink(zip);
        }
        System.out.printf("ShrinkSdkServices: %s %.1f MB -> %.1f MB%n", jar.getFileName(), before / 1e6, Files.size(jar) / 1e6);
    }

    private void shrink(FileSystem zip) throws IOException {
        List<Path> classes;
        try (Stream<Path> all = Files.walk(zip.getPath("/"))) {
            classes = all.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path p : classes) {
            String name = p.toString().substring(1, p.toString().length() - ".class".length());
            if (isTraced(name)) traced.put(name, Files.readAllBytes(p));
        }
        for (Path p : classes) {
            String name = p.toString().substring(1, p.toString().length() - ".class".length());
            if (!isTraced(name)) scan(cf.parse(Files.readAllBytes(p)));
        }
        boolean changed = true;
        while (changed) {
            while (!toScan.isEmpty()) {
                String name = toScan.pop();
                if (!isClient(name)) scan(cf.parse(traced.get(name)));
            }
            // A client's kept methods depend on the operations called so far, and add calls of their own.
            int operations = calledOperations.values().stream().mapToInt(Set::size).sum();
            for (String client : kept.stream().filter(ShrinkSdkServices::isClient).toList()) {
                ClassModel model = cf.parse(traced.get(client));
                ClassFile fresh = ClassFile.of(ClassFile.ConstantPoolSharingOption.NEW_POOL, ClassFile.StackMapsOption.DROP_STACK_MAPS);
                scan(cf.parse(fresh.transformClass(model, trimming(client))));
            }
            changed = !toScan.isEmpty() || operations != calledOperations.values().stream().mapToInt(Set::size).sum();
        }
        int removed = 0;
        for (var e : traced.entrySet()) {
            Path p = zip.getPath("/" + e.getKey() + ".class");
            if (!kept.contains(e.getKey())) {
                Files.delete(p);
                removed++;
            } else if (isClient(e.getKey())) {
                Files.write(p, cf.transformClass(cf.parse(e.getValue()), trimming(e.getKey())));
            }
        }
        System.out.printf("ShrinkSdkServices: %d of %d traced classes kept%n", traced.size() - removed, traced.size());
        // e.g. LABCLOUD_SHRINK_WHY=software/amazon/awssdk/services/s3/S3AsyncClient
        String why = System.getenv("LABCLOUD_SHRINK_WHY");
        for (String c = why; c != null && keptBecause.containsKey(c); c = keptBecause.get(c)) {
            System.out.println("  kept because of " + keptBecause.get(c) + " (" + c + ")");
        }
    }

    /** Drops the operations nobody calls, and the inner-class records of classes that are gone. */
    private ClassTransform trimming(String client) {
        Set<String> called = calledOperations.getOrDefault(service(client), Set.of());
        // labcloud's jar has no asynchronous HTTP client (netty and the CRT are left out), so no
        // asynchronous client can be built: of those, only what kept code names stays (an
        // instanceof or a cast in the SDK's S3 Express cache, and what such a call needs).
        boolean async = client.endsWith("AsyncClient");
        return (builder, element) -> {
            if (element instanceof MethodModel m) {
                String name = m.methodName().stringValue();
                String descriptor = m.methodType().stringValue();
                boolean removable = async || OPERATION_TYPE.matcher(descriptor).find();
                if (!removable || name.startsWith("<") || called.contains(name + descriptor)) builder.with(m);
            } else if (element instanceof InnerClassesAttribute inner) {
                List<InnerClassInfo> present = inner.classes().stream()
                        .filter(i -> isPresent(i.innerClass().asInternalName())).toList();
                if (!present.isEmpty()) builder.with(InnerClassesAttribute.of(present));
            } else {
                builder.with(element);
            }
        };
    }

    private boolean isPresent(String name) {
        return !isTraced(name) || kept.contains(name);
    }

    /** Everything a class's constant pool names: classes, types in descriptors and signatures, names in strings, client calls. */
    private void scan(ClassModel model) {
        scanning = model.thisClass().asInternalName();
        for (PoolEntry entry : model.constantPool()) {
            switch (entry) {
                case ClassEntry c -> refer(c.asInternalName());
                case Utf8Entry u -> {
                    String text = u.stringValue();
                    if (!text.contains("software") && !text.contains("kotlin")) break;
                    Matcher type = TYPE_IN_DESCRIPTOR.matcher(text);
                    while (type.find()) refer(type.group(1));
                    Matcher named = NAME_IN_STRING.matcher(text);
                    while (named.find()) refer(named.group().replace('.', '/'));
                }
                case MemberRefEntry m -> {
                    String owner = m.owner().asInternalName();
                    if (isClient(owner)) {
                        calledOperations.computeIfAbsent(service(owner), s -> new HashSet<>())
                                .add(m.name().stringValue() + m.type().stringValue());
                    }
                }
                default -> { }
            }
        }
    }

    private void refer(String name) {
        if (traced.containsKey(name) && kept.add(name)) {
            keptBecause.put(name, scanning);
            toScan.push(name);
        }
    }

    private static boolean isTraced(String name) {
        return TRACED.stream().anyMatch(name::startsWith);
    }

    /** A client: a class named *Client outside the model (S3's cross-region and multipart wrappers are clients too). */
    private static boolean isClient(String name) {
        return name.startsWith(SERVICES) && name.endsWith("Client") && !name.contains("/model/");
    }

    private static String service(String name) {
        String rest = name.substring(SERVICES.length());
        return rest.substring(0, rest.indexOf('/'));
    }
}
