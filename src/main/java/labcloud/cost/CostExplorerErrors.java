package labcloud.cost;

import labcloud.aws.AwsErrors;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;

/** Cost Explorer's own failure modes, each as one line that says what to do. */
final class CostExplorerErrors {
    static final String ENABLE = "enable it once in the AWS console (Billing and Cost Management > Cost Explorer > "
            + "Launch Cost Explorer, signed in to the management account); its data appears within 24 hours";

    private CostExplorerErrors() {}

    static LabcloudException explain(LabcloudException e) {
        String code = AwsErrors.errorCode(e);
        String msg = awsMessage(e).toLowerCase(java.util.Locale.ROOT);
        if (msg.contains("not enabled for cost explorer")) {
            return new LabcloudException(ExitCode.FAILED, "Cost Explorer is not enabled for this account: " + ENABLE, e);
        }
        if ("DataUnavailableException".equals(code)) {
            return new LabcloudException(ExitCode.FAILED, "Cost Explorer has no data for this account and period yet "
                    + "(DataUnavailableException): if it was never enabled, " + ENABLE, e);
        }
        return e;
    }

    /** The message AWS itself sent (a classified error keeps it only in its cause). */
    private static String awsMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof software.amazon.awssdk.awscore.exception.AwsServiceException ase && ase.awsErrorDetails() != null
                    && ase.awsErrorDetails().errorMessage() != null) {
                return ase.awsErrorDetails().errorMessage();
            }
        }
        return t.getMessage() == null ? "" : t.getMessage();
    }
}
