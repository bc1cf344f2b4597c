package labcloud.scan;

/** What the scanner looks for; the ids are stable (JSON, SARIF, baselines and ignore files use them). */
public enum Rule {
    AWS_ACCESS_KEY_ID("aws-access-key-id", "AWS access key ID",
            "An AWS access key ID is in the file. On its own it identifies a key; next to its secret it is a working credential."),
    AWS_SECRET_ACCESS_KEY("aws-secret-access-key", "AWS secret access key",
            "A 40-character AWS secret access key is in the file: anyone who reads it can act as its owner."),
    AWS_SESSION_TOKEN("aws-session-token", "AWS session token",
            "An AWS session token is in the file: temporary, but usable until it expires."),
    PRIVATE_KEY("private-key", "Private key",
            "A PEM private key (RSA, EC, DSA, OpenSSH or PKCS#8; EC2 key pairs are .pem files) is in the file."),
    PUTTY_PRIVATE_KEY("putty-private-key", "PuTTY private key",
            "A PuTTY .ppk private key is in the file."),
    AWS_CREDENTIALS_FILE("aws-credentials-file", "AWS credentials file",
            "A file that by its name or content holds AWS credentials (console credentials.csv/accessKeys.csv, .s3cfg, an AWS credentials INI file under any name) has values in it.");

    private final String id;
    private final String title;
    private final String help;

    Rule(String id, String title, String help) {
        this.id = id;
        this.title = title;
        this.help = help;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String help() {
        return help;
    }
}
