package com.followthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/** Method validation asks for the validator once, not on every call, and still validates every call. */
class MethodValidationConfigurationTests {

    @Validated
    static class Greeter {

        String greet(@NotBlank String name) {
            return "Hello " + name;
        }
    }

    @Test
    void theValidatorIsLookedUpOnce_andEveryCallIsStillValidated() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        beans.registerSingleton("validator", validator);
        AtomicInteger lookups = new AtomicInteger();
        ObjectProvider<Validator> counted = new ObjectProvider<>() {
            @Override
            public Validator getObject() {
                lookups.incrementAndGet();
                return beans.getBean(Validator.class);
            }

            @Override
            public Validator getObject(Object... args) {
                return getObject();
            }

            @Override
            public Validator getIfAvailable() {
                return getObject();
            }

            @Override
            public Validator getIfUnique() {
                return getObject();
            }
        };
        MethodValidationPostProcessor processor = MethodValidationConfiguration.methodValidationPostProcessor(
                new StandardEnvironment(), counted, beans.getBeanProvider(MethodValidationExcludeFilter.class));
        processor.setBeanFactory(beans);
        processor.afterPropertiesSet();
        Greeter greeter = (Greeter) processor.postProcessAfterInitialization(new Greeter(), "greeter");
        assertThat(lookups).as("not before the first call").hasValue(0);

        for (int call = 0; call < 3; call++) {
            assertThat(greeter.greet("Carla")).isEqualTo("Hello Carla");
        }
        assertThatThrownBy(() -> greeter.greet(" ")).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("must not be blank");
        assertThat(lookups).as("validator lookups for four calls").hasValue(1);
    }
}
