package labcloud.app;

import labcloud.aws.AwsErrors;
import labcloud.core.LabcloudException;

/** Turns any failure of a use case into labcloud's classified exception (exit code and one-line message), as the shells show them. */
public final class Failures {
    private Failures() {}

    public static LabcloudException classify(Throwable e) {
        return e instanceof LabcloudException l ? l : AwsErrors.classify(e);
    }
}
