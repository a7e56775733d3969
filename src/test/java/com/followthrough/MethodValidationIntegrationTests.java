package com.followthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.followthrough.cases.CaseService;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/** The application's services are validated by the processor that looks the validator up once, and only by it. */
@CaseIntegrationTest
class MethodValidationIntegrationTests {

    @Autowired
    List<MethodValidationPostProcessor> processors;
    @Autowired
    CaseService cases;

    @Test
    void oneProcessorValidatesTheServices_andItIsOurs() {
        assertThat(processors).singleElement().isInstanceOf(MethodValidationConfiguration.OnceLookedUp.class);
        assertThatThrownBy(() -> cases.open(null, TestPeople.ALICE)).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("must not be null");
    }
}
