package io.github.awsbidi.emulator.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AK/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex}.
 */
record AuthorizationHeader(
        String accessKeyId,
        String scopeDate,
        String region,
        String service,
        List<String> signedHeaders,
        String signature) {

    static AuthorizationHeader parse(String header) throws SignatureException {
        String value = header.trim();
        int space = value.indexOf(' ');
        String algorithm = (space < 0) ? value : value.substring(0, space);
        if (!SigV4.ALGORITHM.equals(algorithm)) {
            throw SignatureException.incomplete(
                    "Unsupported AWS 'algorithm': '" + algorithm + "'. Authorization=" + header);
        }
        Map<String, String> params = new HashMap<>();
        if (space >= 0) {
            for (String part : value.substring(space + 1).split(",")) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals < 0) {
                    throw SignatureException.incomplete("'" + trimmed
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + header
                            + "'.");
                }
                params.put(
                        trimmed.substring(0, equals).trim(),
                        trimmed.substring(equals + 1).trim());
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            String param = params.get(required);
            if (param == null || param.isEmpty()) {
                missing.append("Authorization header requires '")
                        .append(required)
                        .append("' parameter. ");
            }
        }
        if (missing.length() > 0) {
            throw SignatureException.incomplete(missing + "Authorization=" + header);
        }
        // All three are present from here on.
        String credentialParam = params.getOrDefault("Credential", "");
        String[] credential = credentialParam.split("/", -1);
        if (credential.length != 5 || credential[0].isEmpty() || credential[2].isEmpty() || credential[3].isEmpty()) {
            throw SignatureException.incomplete("Credential should be of the form "
                    + "'<access key id>/<yyyyMMdd>/<region>/<service>/aws4_request', not '" + credentialParam + "'.");
        }
        if (!credential[1].matches("\\d{8}")) {
            throw SignatureException.incomplete(
                    "Credential should be scoped to a valid date (yyyyMMdd), not '" + credential[1] + "'.");
        }
        if (!SigV4.TERMINATOR.equals(credential[4])) {
            throw SignatureException.incomplete(
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '" + credential[4]
                            + "'.");
        }
        List<String> signedHeaders =
                List.of(params.getOrDefault("SignedHeaders", "").split(";", -1));
        if (!signedHeaders.contains("host") && !signedHeaders.contains(":authority")) {
            throw SignatureException.incomplete(
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return new AuthorizationHeader(
                credential[0],
                credential[1],
                credential[2],
                credential[3],
                signedHeaders,
                params.getOrDefault("Signature", ""));
    }
}
