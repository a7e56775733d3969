package com.followthrough.cases;

/** How a case ended. Every one of them follows a recorded callback outcome. */
public enum ClosedAs {
    CONFIRMED_ON_FIRST_CONTACT,
    CONFIRMED_BY_CALLBACK,
    /** Confirmed, and the customer's further request became a linked case. */
    CONFIRMED_WITH_LINKED_CASE,
    /** No answer after every attempt; the customer got a written follow-up. */
    UNREACHABLE
}
