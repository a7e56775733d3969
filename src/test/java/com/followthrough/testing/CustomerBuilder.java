package com.followthrough.testing;

import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;

/** A {@link Customer} for an intake; start with {@link Cases#aCustomer()}. */
public final class CustomerBuilder {

    private String name = "Carla Customer";
    private String email = "carla@example.com";
    private String phone = "+49 30 1234567";
    private ContactChannel preferredChannel = ContactChannel.PHONE;
    private String timeZone;

    CustomerBuilder() {
    }

    public CustomerBuilder named(String name) {
        this.name = name;
        return this;
    }

    /** Null for a customer without an email address. */
    public CustomerBuilder withEmail(String email) {
        this.email = email;
        return this;
    }

    /** Null for a customer without a phone number. */
    public CustomerBuilder withPhone(String phone) {
        this.phone = phone;
        return this;
    }

    /** Reached by email only: this address, no phone number, EMAIL preferred. */
    public CustomerBuilder reachedByEmail(String email) {
        this.email = email;
        this.phone = null;
        this.preferredChannel = ContactChannel.EMAIL;
        return this;
    }

    public CustomerBuilder preferring(ContactChannel channel) {
        this.preferredChannel = channel;
        return this;
    }

    /** Where the customer lives (a zone ID such as {@code Europe/London}); their callback window is read in it. */
    public CustomerBuilder livingIn(String timeZone) {
        this.timeZone = timeZone;
        return this;
    }

    public Customer build() {
        return new Customer(name, email, phone, preferredChannel, timeZone);
    }
}
