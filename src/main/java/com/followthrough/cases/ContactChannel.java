package com.followthrough.cases;

/** How the customer prefers to be contacted for the callback. */
public enum ContactChannel {
    PHONE, EMAIL, SMS
}
