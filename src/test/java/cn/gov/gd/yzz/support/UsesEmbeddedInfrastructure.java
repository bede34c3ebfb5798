package cn.gov.gd.yzz.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link EmbeddedInfrastructureResource} for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(EmbeddedInfrastructureResource.class)
public final class UsesEmbeddedInfrastructure {

    private UsesEmbeddedInfrastructure() {
    }
}
