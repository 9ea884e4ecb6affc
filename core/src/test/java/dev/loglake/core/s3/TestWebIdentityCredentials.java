package dev.loglake.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.internal.WebIdentityCredentialsUtils;

/**
 * On EKS the jobs authenticate with IRSA: a web-identity token that the SDK exchanges through STS. The SDK finds
 * STS by reflection and, when the sts module is missing, skips web identity silently and falls back to the node's
 * role (which has no rights on the buckets). This fails when the module is not on the runtime class path.
 */
class TestWebIdentityCredentials {
    @Test
    void webIdentityCredentialsFindTheStsModule() {
        // Throws IllegalStateException ("the 'sts' service module must be on the class path") without it.
        assertThat(WebIdentityCredentialsUtils.factory()).isNotNull();
    }
}
