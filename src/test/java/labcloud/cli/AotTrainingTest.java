package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A training run loads every class of the family's packages, and an ordinary run none. */
class AotTrainingTest {
    @AfterEach
    void clear() {
        System.clearProperty(AotTraining.PACKAGES_PROPERTY);
    }

    private static long classFilesUnder(String pkg) throws Exception {
        Path classes = Path.of(AotTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes.resolve(pkg.replace('.', '/')))) {
            return files.filter(f -> f.toString().endsWith(".class")).count();
        }
    }

    @Test
    void loadsEveryClassOfTheNamedPackages() throws Exception {
        System.setProperty(AotTraining.PACKAGES_PROPERTY, "labcloud.transfer, labcloud.aws");
        long expected = classFilesUnder("labcloud.transfer") + classFilesUnder("labcloud.aws");
        assertThat(expected).isGreaterThan(50);
        assertThat(AotTraining.loadFamilyClasses()).isEqualTo(expected);
    }

    @Test
    void loadsNothingWithoutTheLaunchersProperty() {
        assertThat(AotTraining.loadFamilyClasses()).isZero();
        System.setProperty(AotTraining.PACKAGES_PROPERTY, "no.such.package");
        assertThat(AotTraining.loadFamilyClasses()).isZero();
    }
}
