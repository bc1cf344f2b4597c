package labcloud.creds;

/**
 * One credential-hygiene problem `creds doctor` found, with how to fix it. Subjects name files and
 * lines, never the secret itself.
 *
 * @param fixed true when --fix already repaired it
 */
public record Finding(String check, String severity, String subject, String message, String fix, boolean fixed) {
    Finding asFixed() {
        return new Finding(check, severity, subject, message, fix, true);
    }
}
