package com.followthrough.cases;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The person with the issue, and how to reach them for the callback.
 *
 * @param timeZone where the customer lives (a zone ID such as {@code Europe/London}): their callback window is read in
 *                 it; null means the business calendar's zone
 */
public record Customer(
        @NotBlank @Text(max = 200) String name,
        @Email @Text(max = 320) String email,
        @Text(max = 40) @Pattern(regexp = "^[+0-9 ()./-]*$",
                message = "must contain only digits, spaces and + ( ) . / -") String phone,
        @NotNull ContactChannel preferredChannel,
        @Text(max = 64) @TimeZoneId String timeZone) {

    public Customer(String name, String email, String phone, ContactChannel preferredChannel) {
        this(name, email, phone, preferredChannel, null);
    }

    @AssertTrue(message = "the preferred channel needs its contact detail: a phone number for PHONE and SMS, "
            + "an email for EMAIL")
    public boolean isPreferredChannelReachable() {
        if (preferredChannel == null) {
            return true;
        }
        return switch (preferredChannel) {
            case EMAIL -> email != null && !email.isBlank();
            case PHONE, SMS -> phone != null && !phone.isBlank();
        };
    }
}
