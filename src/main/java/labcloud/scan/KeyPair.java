package labcloud.scan;

/** An access key ID found together with its secret, kept in memory for --verify only; never printed. */
public record KeyPair(Finding keyIdFinding, String keyId, String secret) {
    @Override
    public String toString() {
        return "KeyPair[" + keyIdFinding.shown() + ", ****]";
    }
}
