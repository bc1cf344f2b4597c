package labcloud.creds;

import labcloud.core.UsageException;

/** Profile-name rules shared by the creds commands. */
public final class Profiles {
    /** Where `creds mfa` keeps a profile's long-term keys while [NAME] holds session keys. */
    public static final String LONG_TERM_SUFFIX = "-long-term";

    private Profiles() {}

    public static void validateName(String profile) {
        if (profile == null || profile.isBlank()) throw new UsageException("--profile NAME is required");
        if (!profile.matches("[A-Za-z0-9_.@+-]{1,64}")) {
            throw new UsageException("--profile '" + profile
                    + "' is not a usable profile name (letters, digits and _ . @ + - only)");
        }
    }

    public static String longTerm(String profile) {
        return profile + LONG_TERM_SUFFIX;
    }
}
