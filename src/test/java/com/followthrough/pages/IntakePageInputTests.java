package com.followthrough.pages;

import static com.followthrough.TestPeople.ALICE;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.followthrough.casework.CaseAccess;
import com.followthrough.cases.IdempotentIntake;
import com.followthrough.security.SignedIn;
import com.followthrough.web.WebSlice;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The intake form's input rules in a web slice (the controller, our security and the page templates; no engine, no
 * database): a form can be posted by hand, so the rules the API applies hold here too, each error beside its field,
 * and a refused form opens nothing. That a valid form opens a case is {@code web.PageAndRoleInputIntegrationTests}
 * and the browser tests.
 */
@WebSlice(IntakeController.class)
class IntakePageInputTests {

    @Autowired
    MockMvc web;
    @MockitoBean
    IdempotentIntake intake;
    @Autowired
    CaseAccess access;

    @Test
    void aNulIsRefusedAtItsField_andNothingIsOpened() throws Exception {
        web.perform(intakeForm("nul \0 byte").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.matchesPattern(
                        "(?s).*id=\"summary-error\"[^>]*>must not contain the NUL character \\(U\\+0000\\)<.*")));
        verifyNoInteractions(intake);
    }

    @Test
    void aFormPostedWithoutItsCsrfToken_isRefused_andNothingIsOpened() throws Exception {
        web.perform(intakeForm("Charged twice")).andExpect(status().isForbidden());
        verifyNoInteractions(intake, access);
    }

    private static MockHttpServletRequestBuilder intakeForm(String summary) {
        return post("/cases").with(SignedIn.onPages(ALICE))
                .param("customerName", "Carla Customer").param("phone", "+49 30 1234567").param("channel", "PHONE")
                .param("priority", "NORMAL").param("summary", summary)
                .param("intakeKey", UUID.randomUUID().toString());
    }
}
