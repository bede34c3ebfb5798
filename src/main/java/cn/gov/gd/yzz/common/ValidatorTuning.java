package cn.gov.gd.yzz.common;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Everything validated here is a request or configuration record: no entity carries a constraint, so there is no lazy
 * association that validation must not load. Hibernate Validator's default asks Hibernate ORM about every property
 * and caches each answer per validation, which cost a sixth of the service's CPU for a kiosk's batch of hundreds of
 * events; every property is reachable instead, and nothing is cached.
 */
@ApplicationScoped
public class ValidatorTuning implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new EverythingReachable()).enableTraversableResolverResultCache(false);
    }

    private static final class EverythingReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }
}
