package dev.loglake.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Marks the container-based tests (Testcontainers): they run where a Docker engine answers and are
 * skipped, with a message saying so, where none does. The default test path is the local stack.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {
    /** Evaluated once per test class. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.enabled("a Docker engine is available");
            }
            String message = "Skipped: no Docker engine on this machine, so the Testcontainers tests (MinIO and"
                    + " Trino containers) cannot run. The local-stack integration tests cover the same paths.";
            System.err.println(context.getDisplayName() + ": " + message);
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
