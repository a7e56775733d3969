package com.followthrough;

import jakarta.validation.Validator;
import java.util.function.Supplier;
import org.aopalliance.aop.Advice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Spring Boot's method validation (the {@code @Validated} services' boundaries, e.g. {@code CaseService}), with the
 * validator looked up once. Spring Boot hands the post-processor a lazy {@code ObjectProvider}, and Spring Framework
 * 6.2 asks it on every validated call, twice (arguments and return value), each time a bean factory lookup: 2.4 % of
 * a REST request's server CPU and 1.5 % of a service-layer intake's (JFR, issue 20, BENCHMARKS.md). The validator is
 * still created lazily, on the first validated call, as with Spring Boot's own bean. Everything else is as Spring Boot
 * makes it (its exclude filters, {@code spring.aop.proxy-target-class} and
 * {@code spring.validation.method.adapt-constraint-violations}); Spring Boot's bean steps back for this one.
 */
@Configuration(proxyBeanMethods = false)
class MethodValidationConfiguration {

    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
            ObjectProvider<Validator> validator, ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
        FilteredMethodValidationPostProcessor processor = new OnceLookedUp(excludeFilters);
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setAdaptConstraintViolations(environment.getProperty(
                "spring.validation.method.adapt-constraint-violations", Boolean.class, false));
        processor.setValidatorProvider(validator);
        return processor;
    }

    /** Keeps the validator the provider returned the first time, for every call after it. */
    static final class OnceLookedUp extends FilteredMethodValidationPostProcessor {

        OnceLookedUp(ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
            super(excludeFilters.orderedStream());
        }

        @Override
        protected Advice createMethodValidationAdvice(Supplier<Validator> validator) {
            return super.createMethodValidationAdvice(SingletonSupplier.of(validator));
        }
    }
}
