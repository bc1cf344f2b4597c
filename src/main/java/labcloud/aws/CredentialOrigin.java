package labcloud.aws;

/** Where the credentials in use came from, as `creds whoami` reports it. */
public enum CredentialOrigin {
    ENVIRONMENT("environment variables"),
    PROFILE("profile (static keys)"),
    MFA_SESSION("profile (MFA session keys)"),
    ASSUME_ROLE("profile (assumed role)"),
    SSO("profile (IAM Identity Center / SSO)"),
    PROCESS("profile (credential_process)"),
    WEB_IDENTITY("web identity token"),
    CONTAINER("container credentials"),
    INSTANCE("EC2 instance profile"),
    STATIC("explicit keys");

    private final String label;

    CredentialOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
