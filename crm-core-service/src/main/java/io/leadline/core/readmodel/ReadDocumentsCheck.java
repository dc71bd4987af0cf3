package io.leadline.core.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until rows from before the read documents have theirs, so no GET answers from a missing one. */
@Readiness
@ApplicationScoped
public class ReadDocumentsCheck implements HealthCheck {

    @Inject
    ReadDocuments documents;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("read documents").status(documents.complete()).build();
    }
}
