package labcloud.creds;

import labcloud.testing.FaultProxy;

/** Reads the SigV4 credential scope of a proxied request: which key signed it, for which service. */
final class Signed {
    private Signed() {}

    static String keyId(FaultProxy.Request r) {
        String[] scope = scope(r);
        return scope.length > 0 ? scope[0] : null;
    }

    static String service(FaultProxy.Request r) {
        String[] scope = scope(r);
        return scope.length > 3 ? scope[3] : null;
    }

    private static String[] scope(FaultProxy.Request r) {
        if (r.authorization() == null) return new String[0];
        int i = r.authorization().indexOf("Credential=");
        if (i < 0) return new String[0];
        String rest = r.authorization().substring(i + 11);
        int end = rest.indexOf(',');
        return (end < 0 ? rest : rest.substring(0, end)).split("/");
    }

    /** The XML error body STS and IAM send (the query protocol). */
    static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>"
                + "5a1e7c3e-0000-4000-8000-000000000000</RequestId></ErrorResponse>";
    }
}
