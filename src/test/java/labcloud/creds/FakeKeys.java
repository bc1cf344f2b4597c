package labcloud.creds;

/** Obviously fake access keys, assembled at run time so no key-shaped literal sits in the source. */
final class FakeKeys {
    private FakeKeys() {}

    /** A 20-character access key ID: AKIA + "FAKE" + 12 characters from the tag. */
    static String keyId(String tag) {
        String body = (tag.toUpperCase().replaceAll("[^A-Z0-9]", "") + "XXXXXXXXXXXX").substring(0, 12);
        return "AK" + "IA" + "FAKE" + body;
    }

    static String secret(String tag) {
        return "fakeSecret/" + tag + "/0123456789abcdefghijKLMNOP";
    }
}
