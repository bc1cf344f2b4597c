package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notebooks, credential files by name and content, binary and huge files. */
class ContentScannerTest {
    private final Fakes f = new Fakes(7);
    private final ContentScanner scanner = new ContentScanner(ScanOptions.DEFAULT_MAX_FILE_SIZE);

    private ContentScanner.Result scan(String path, String content) {
        return scanner.scan(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A notebook as Jupyter writes it: one JSON string per source line, quotes escaped. */
    private static String notebook(String key, String secret, String outputKey, String imageKey) {
        return """
                {
                 "cells": [
                  {
                   "cell_type": "markdown",
                   "metadata": {},
                   "source": ["# Load the data\\n", "Uses the lab bucket."]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 1,
                   "metadata": {},
                   "outputs": [],
                   "source": [
                    "import boto3\\n",
                    "s3 = boto3.client(\\"s3\\", aws_access_key_id=\\"%s\\",\\n",
                    "                  aws_secret_access_key=\\"%s\\")"
                   ]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 2,
                   "metadata": {},
                   "outputs": [
                    {"name": "stdout", "output_type": "stream", "text": ["credentials loaded\\n", "key %s\\n"]},
                    {"output_type": "display_data", "metadata": {},
                     "data": {"image/png": "iVBORw0KGgoAAAANSUhEUgAAA+%s/AAAAAElFTkSuQmCC", "text/plain": ["<Figure>"]}}
                   ],
                   "source": ["print(creds)"]
                  }
                 ],
                 "metadata": {"kernelspec": {"name": "python3"}},
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """.formatted(key, secret, outputKey, imageKey);
    }

    @Test
    void notebookCellsAreParsedWithEscapesDecoded() {
        String key = f.keyId();
        String secret = f.secret();
        String outputKey = f.keyId("AS" + "IA");
        String imageKey = f.keyId();
        ContentScanner.Result r = scan("analysis/explore.ipynb", notebook(key, secret, outputKey, imageKey));
        assertThat(r.skipped()).isNull();
        assertThat(r.findings()).extracting(Finding::rule, Finding::cell, Finding::cellLine, Finding::cellOutput, Finding::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, 2, 2, false, 15),
                        org.assertj.core.groups.Tuple.tuple(Rule.AWS_SECRET_ACCESS_KEY, 2, 3, false, 16),
                        org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, 3, 2, true, 24));
        assertThat(r.findings().get(0).where()).isEqualTo("analysis/explore.ipynb:15 (cell 2, line 2)");
        assertThat(r.pairs()).singleElement().satisfies(p -> {
            assertThat(p.keyId()).isEqualTo(key);
            assertThat(p.secret()).isEqualTo(secret);
            assertThat(p.toString()).doesNotContain(secret);
        });
    }

    @Test
    void theSameNotebookAsPlainTextWouldFlagTheImage() {
        // Proof that the image is skipped because it is an image: scanned as text it is a finding.
        String imageKey = f.keyId();
        String nb = notebook("none", "none", "none", imageKey);
        assertThat(scan("nb.ipynb", nb).findings()).isEmpty();
        assertThat(scan("nb.json", nb).findings()).extracting(Finding::rule).containsExactly(Rule.AWS_ACCESS_KEY_ID);
    }

    @Test
    void brokenNotebookIsScannedAsText() {
        String key = f.keyId();
        ContentScanner.Result r = scan("broken.ipynb", "{\"cells\": [ {\"source\": \"k = '" + key + "'\" ");
        assertThat(r.skipped()).isNull();
        assertThat(r.findings()).extracting(Finding::rule, Finding::cell).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, null));
    }

    /**
     * Outside the cells (notebook metadata, a JSON output, widget state) a key is found as in a text
     * file, at its file line and without a cell, and a key and its secret there are paired; a key
     * in a cell is not reported twice, and one in an image still not at all.
     */
    @Test
    void keysOutsideTheCellsAreFoundWhereTheyAreWritten() {
        String cellKey = f.keyId();
        String metaKey = f.keyId();
        String metaSecret = f.secret();
        String jsonKey = f.keyId("AS" + "IA");
        String nb = notebook(cellKey, "none", "none", f.keyId()).replace(
                "\"metadata\": {\"kernelspec\": {\"name\": \"python3\"}},",
                "\"metadata\": {\"kernelspec\": {\"name\": \"python3\"},\n"
                        + "  \"env\": {\"AWS_ACCESS_KEY_ID\": \"" + metaKey + "\",\n"
                        + "   \"AWS_SECRET_ACCESS_KEY\": \"" + metaSecret + "\"}},")
                .replace("\"text/plain\": [\"<Figure>\"]", "\"text/plain\": [\"<Figure>\"], \"application/json\": {\"id\": \"" + jsonKey + "\"}");
        ContentScanner.Result r = scan("analysis/explore.ipynb", nb);
        assertThat(r.skipped()).isNull();
        assertThat(r.findings()).extracting(Finding::rule, Finding::cell, Finding::line).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, 2, lineOf(nb, cellKey)),
                org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, null, lineOf(nb, jsonKey)),
                org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, null, lineOf(nb, metaKey)),
                org.assertj.core.groups.Tuple.tuple(Rule.AWS_SECRET_ACCESS_KEY, null, lineOf(nb, metaSecret)));
        assertThat(r.pairs()).singleElement().satisfies(p -> {
            assertThat(p.keyId()).isEqualTo(metaKey);
            assertThat(p.secret()).isEqualTo(metaSecret);
        });
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * A cell that is not an object ends the reading of the cells early. Had the rest been skipped,
     * the key in the next cell would go unseen; the notebook is scanned as text instead.
     */
    @Test
    void aNotebookWhoseShapeIsUnexpectedIsScannedAsText() {
        String key = f.keyId();
        for (String nb : List.of("{\"cells\": [1, {\"source\": \"k = '" + key + "'\"}], \"nbformat\": 4}",
                "{\"cells\": [{\"outputs\": [\"x\", {\"text\": \"" + key + "\"}]}]}",
                "{\"worksheets\": [[], {\"cells\": [{\"source\": \"" + key + "\"}]}]}")) {
            ContentScanner.Result r = scan("odd.ipynb", nb);
            assertThat(r.skipped()).as(nb).isNull();
            assertThat(r.findings()).as(nb).extracting(Finding::rule, Finding::cell).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, null));
        }
    }

    @Test
    void consoleCsvByContent() {
        String csv = "User name,Password,Access key ID,Secret access key,Console login link\n"
                + "alice,," + f.keyId() + "," + f.secret() + ",https://123456789012.signin.aws.amazon.com/console\n";
        ContentScanner.Result r = scan("Downloads/credentials.csv", csv);
        assertThat(r.findings()).extracting(Finding::rule, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Rule.AWS_ACCESS_KEY_ID, 2),
                org.assertj.core.groups.Tuple.tuple(Rule.AWS_SECRET_ACCESS_KEY, 2));
        assertThat(r.pairs()).hasSize(1);
    }

    @Test
    void consoleCsvByNameWhenTheValuesAreUnusual() {
        // Values that do not look like AWS keys still make a console CSV a credentials file.
        String csv = "Access key ID,Secret access key\nLAB0USER0KEY0ID0123,Zq3vT8sN1pLk4mR7xW2yB5cD9eF0gH6j\n";
        assertThat(scan("bob_accessKeys.csv", csv).findings()).extracting(Finding::rule)
                .containsExactly(Rule.AWS_CREDENTIALS_FILE);
        assertThat(scan("report.csv", csv).findings()).isEmpty();
        String example = "Access key ID,Secret access key\n" + "AK" + "IAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        assertThat(scan("credentials.csv", example).findings()).as("AWS's documented example").isEmpty();
    }

    @Test
    void awsCredentialsFileS3cfgAndDotEnv() {
        String ini = "[default]\naws_access_key_id = " + f.keyId() + "\naws_secret_access_key = " + f.secret() + "\n"
                + "[lab]\naws_access_key_id=" + f.keyId("AS" + "IA") + "\naws_secret_access_key=" + f.secret()
                + "\naws_session_token=" + f.sessionToken() + "\n";
        assertThat(scan("home/.aws/credentials", ini).findings()).extracting(Finding::rule).containsExactly(
                Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY, Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY,
                Rule.AWS_SESSION_TOKEN);
        String s3cfg = "[default]\naccess_key = " + f.keyId() + "\nsecret_key = " + f.secret() + "\nhost_base = s3.amazonaws.com\n";
        assertThat(scan(".s3cfg", s3cfg).findings()).extracting(Finding::rule)
                .containsExactly(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY);
        String env = "AWS_ACCESS_KEY_ID=" + f.keyId() + "\nAWS_SECRET_ACCESS_KEY=" + f.secret() + "\nDEBUG=1\n";
        assertThat(scan(".env", env).findings()).extracting(Finding::rule)
                .containsExactly(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY);
        String refs = "AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}\n";
        assertThat(scan(".env", refs).findings()).isEmpty();
    }

    /** An AWS credentials INI is a credentials file by its content, under any name. */
    @Test
    void awsCredentialsIniByContentUnderAnyName() {
        // Values that are not AWS-shaped (an S3-compatible store's keys): only the file's shape says what it is.
        String ini = "[minio]\naws_access_key_id = LAB0USER0KEY0ID0123\naws_secret_access_key = Zq3vT8sN1pLk4mR7xW2yB5cD9eF0gH6j\n";
        for (String name : List.of("credentials", ".credentials", "deploy/credentials", "backup/aws-creds.ini")) {
            assertThat(scan(name, ini).findings()).as(name).extracting(Finding::rule).containsExactly(Rule.AWS_CREDENTIALS_FILE);
        }
        String upper = "[minio]\nAWS_ACCESS_KEY_ID = LAB0USER0KEY0ID0123\nAws_Secret_Access_Key = Zq3vT8sN1pLk4mR7xW2yB5cD9eF0gH6j\n";
        assertThat(scan("backup/aws-creds.ini", upper).findings()).as("key names in any case")
                .extracting(Finding::rule).containsExactly(Rule.AWS_CREDENTIALS_FILE);
        String refs = "[lab]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n";
        assertThat(scan("credentials", refs).findings()).as("references, not values").isEmpty();
        String other = "[database]\nuser = analysis\npassword = Zq3vT8sN1pLk4mR7xW2yB5cD9eF0gH6j\n";
        assertThat(scan("credentials", other).findings()).as("not AWS credentials").isEmpty();
        String noSection = "aws_access_key_id = LAB0USER0KEY0ID0123\naws_secret_access_key = Zq3vT8sN1pLk4mR7xW2yB5cD9eF0gH6j\n";
        assertThat(scan("notes.txt", noSection).findings()).as("no [profile]: not an INI file").isEmpty();
    }

    @Test
    void pemAndPpkFiles() {
        assertThat(scan("lab-key.pem", f.pem("RSA ")).findings()).extracting(Finding::rule, Finding::shown)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.PRIVATE_KEY, "BEGIN RSA PRIVATE KEY ****"));
        assertThat(scan("lab.ppk", f.putty()).findings()).extracting(Finding::rule).containsExactly(Rule.PUTTY_PRIVATE_KEY);
    }

    @Test
    void binaryAndHugeFilesAreSkippedWithAReason() {
        byte[] binary = ("PK\u0003\u0004\u0000\u0000" + f.keyId()).getBytes(StandardCharsets.ISO_8859_1);
        ContentScanner.Result b = scanner.scan("data/archive.zip", binary);
        assertThat(b.skipped()).isEqualTo(new Skipped("data/archive.zip", "binary"));
        assertThat(b.findings()).isEmpty();

        ContentScanner small = new ContentScanner(100);
        ContentScanner.Result h = small.scan("big.csv", ("x," + f.keyId() + "\n").repeat(20).getBytes(StandardCharsets.UTF_8));
        assertThat(h.skipped().reason()).startsWith("too large");
    }

    @Test
    void fingerprintsDependOnRulePathAndSecretNotLine() {
        String key = f.keyId();
        List<Finding> a = scan("a.py", "k = '" + key + "'\n").findings();
        List<Finding> moved = scan("a.py", "\n\n# moved\nk = '" + key + "'\n").findings();
        List<Finding> other = scan("b.py", "k = '" + key + "'\n").findings();
        assertThat(a.get(0).fingerprint()).isEqualTo(moved.get(0).fingerprint()).hasSize(20);
        assertThat(other.get(0).fingerprint()).isNotEqualTo(a.get(0).fingerprint());
    }
}
