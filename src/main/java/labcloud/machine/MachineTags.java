package labcloud.machine;

import java.util.List;
import java.util.regex.Pattern;
import labcloud.core.UsageException;

/**
 * The tags that make an instance a lab machine. They use only characters that instance metadata
 * tags allow, so the idle agent on the machine can read them without an IAM role.
 */
public final class MachineTags {
    /** The machine's name; its presence is what makes an instance a labcloud machine. */
    public static final String NAME = "labcloud:machine";
    /** Minutes of idleness after which the agent shuts the machine down. */
    public static final String IDLE_STOP = "labcloud:idle-stop";
    /** ISO-8601 instant until which the agent does not stop the machine (labcloud machine hold). */
    public static final String HOLD_UNTIL = "labcloud:hold-until";
    /** The key pair and security group labcloud made for the machine, removed with it. */
    public static final String KEY_PAIR = "labcloud:key-pair";
    public static final String SECURITY_GROUP = "labcloud:security-group";

    /** The lab's four required tags, in the order plans list them. */
    public static final List<String> LAB = List.of("Email", "Owner", "Project", "Task");

    private static final Pattern NAME_SYNTAX = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    private MachineTags() {}

    /** Machine names become host aliases, file names and AWS resource names: keep them plain. */
    public static String checkName(String name) {
        if (name == null || !NAME_SYNTAX.matcher(name).matches()) {
            throw new UsageException("machine name '" + name + "' is not valid: use 1-31 lower-case letters, digits "
                    + "and '-', starting with a letter or digit");
        }
        return name;
    }

    /** The AWS-side name of the key pair and security group labcloud makes for a machine. */
    public static String resourceName(String machine) {
        return "labcloud-" + machine;
    }
}
