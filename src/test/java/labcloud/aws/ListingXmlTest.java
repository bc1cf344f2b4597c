package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The ListObjectsV2 reader: answers shaped as AWS, S3Proxy and MinIO send them are read by the
 * direct scan, anything else by StAX, and both give the same entries.
 */
class ListingXmlTest {
    private static final String AWS_STYLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>d%2F</Prefix>\
            <KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated><NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>\
            <Contents><Key>d/with+space+%26+plus%2B.txt</Key><LastModified>2026-11-30T10:00:00.000Z</LastModified>\
            <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>12</Size><StorageClass>STANDARD</StorageClass></Contents>\
            <Contents><Key>d/%F0%9F%98%80</Key><LastModified>2026-11-30T10:00:01Z</LastModified>\
            <ETag>"a7bdb5f3a2d8a0a5c5a3e2a1b0c9d8e7-3"</ETag><Size>25165824</Size><StorageClass>GLACIER</StorageClass></Contents>\
            <Contents><Key>d/empty</Key><LastModified>2026-11-30T10:00:02Z</LastModified><ETag/><Size>0</Size><StorageClass/></Contents>\
            <EncodingType>url</EncodingType></ListBucketResult>""";

    private static S3ObjectIo.ListPage parse(String xml) throws IOException {
        return ListingXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnAwsAnswerWithUrlEncodedKeysAndQuotedEtags() throws Exception {
        S3ObjectIo.ListPage page = parse(AWS_STYLE);
        assertThat(ListingXml.scan(AWS_STYLE)).as("the direct scan reads it").isNotNull();
        assertThat(page.truncated()).isTrue();
        assertThat(page.nextToken()).isEqualTo("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
        assertThat(page.objects()).extracting(S3ObjectIo.Listed::key).containsExactly("d/with space & plus+.txt", "d/😀", "d/empty");
        S3ObjectIo.Listed first = page.objects().get(0);
        assertThat(first.etag()).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(first.size()).isEqualTo(12);
        assertThat(first.lastModified()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(page.objects().get(1).storageClass()).isEqualTo("GLACIER");
        assertThat(page.objects().get(1).etag()).endsWith("-3");
        assertThat(page.objects().get(2).etag()).isEmpty();
        assertThat(ListingXml.scan(AWS_STYLE)).isEqualTo(ListingXml.parseStax(AWS_STYLE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDelimitedAnswerGivesItsFoldersDecodedByTheScanAndByStaxAlike() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>d%2F</Prefix>\
                <KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>%2F</Delimiter><IsTruncated>false</IsTruncated>\
                <Contents><Key>d/a.txt</Key><LastModified>2026-11-30T10:00:00.000Z</LastModified><ETag>"x"</ETag><Size>1</Size></Contents>\
                <CommonPrefixes><Prefix>d/proj+one%2F</Prefix></CommonPrefixes><CommonPrefixes><Prefix>d/%F0%9F%98%80%2F</Prefix></CommonPrefixes>\
                <EncodingType>url</EncodingType></ListBucketResult>""";
        S3ObjectIo.ListPage page = parse(xml);
        assertThat(ListingXml.scan(xml)).as("the direct scan reads it (KeyCount counts the folders too)").isNotNull();
        assertThat(page.objects()).extracting(S3ObjectIo.Listed::key).containsExactly("d/a.txt");
        assertThat(page.prefixes()).containsExactly("d/proj one/", "d/😀/");
        assertThat(ListingXml.scan(xml)).isEqualTo(ListingXml.parseStax(xml.getBytes(StandardCharsets.UTF_8)));
        // a store whose KeyCount leaves the folders out reads the same
        assertThat(ListingXml.scan(xml.replace("<KeyCount>3</KeyCount>", "<KeyCount>1</KeyCount>"))).isEqualTo(page);
    }

    @Test
    void plainKeysWithEntitiesAreReadAsTheyAre() throws Exception {
        String xml = "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a&amp;b &lt;c&gt; &#233;&#x1F600;+%41</Key>"
                + "<LastModified>2026-11-30T10:00:00Z</LastModified><ETag>\"x\"</ETag><Size>1</Size></Contents></ListBucketResult>";
        assertThat(parse(xml).objects()).extracting(S3ObjectIo.Listed::key).containsExactly("a&b <c> é😀+%41");
        assertThat(parse(xml).truncated()).isFalse();
    }

    @Test
    void shapesTheScanDoesNotReadGoToStaxWithTheSameResult() throws Exception {
        String prefixed = "<s3:ListBucketResult xmlns:s3=\"http://s3.amazonaws.com/doc/2006-03-01/\"><s3:IsTruncated>false</s3:IsTruncated>"
                + "<s3:Contents><s3:Key>k</s3:Key><s3:LastModified>2026-11-30T10:00:00Z</s3:LastModified><s3:Size>3</s3:Size>"
                + "</s3:Contents></s3:ListBucketResult>";
        String cdata = "<ListBucketResult><Contents><Key><![CDATA[a<b]]></Key><LastModified>2026-11-30T10:00:00Z</LastModified>"
                + "<Size>3</Size></Contents></ListBucketResult>";
        String wrongCount = "<ListBucketResult><KeyCount>2</KeyCount><Contents><Key>k</Key>"
                + "<LastModified>2026-11-30T10:00:00Z</LastModified><Size>3</Size></Contents></ListBucketResult>";
        for (String xml : new String[] {prefixed, cdata}) {
            assertThat(ListingXml.scan(xml)).isNull();
            assertThat(parse(xml).objects()).hasSize(1);
        }
        assertThat(parse(cdata).objects().get(0).key()).isEqualTo("a<b");
        assertThat(ListingXml.scan(wrongCount)).isNull();
    }

    @Test
    void garbageIsAnIoErrorNotAnEmptyListing() {
        assertThatThrownBy(() -> parse("<html><body>502 Bad Gateway</body>")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("<html><body>proxy login</body></html>")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("<ListBucketResult><Contents><Key>k</Key><Size>x</Size>"
                + "<LastModified>2026-11-30T10:00:00Z</LastModified></Contents></ListBucketResult>")).isInstanceOf(IOException.class);
    }
}
