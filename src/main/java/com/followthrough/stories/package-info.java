/**
 * Stories and recognition: what following through changed for customers, in their words and in numbers. A case
 * confirmed at a callback whose customer agreed to share their words becomes a story (before → after, the people who
 * made it happen, the numbers); supervisors feature or hide stories, the owner or a supervisor withdraws one; anyone
 * who worked on a case thanks a colleague on it; a weekly digest goes to everyone who works cases; and the recognition
 * figures count, per person, confirmations by callback, thanks received, featured stories and fixes verified effective
 * the first time.
 *
 * <p>Keeps its own tables ({@code ft_story*}, {@code ft_thanks}, {@code ft_digest*}), written from the case events in
 * the step's transaction ({@code CaseWork}); it never reads process variables or the engine's history. Offers
 * {@code Stories}, {@code Thanks}, {@code Digests} and {@code Recognition} to the pages and the dashboard, and the
 * events {@code ThanksGiven} and {@code DigestDue}, on which notifications writes the mails.
 *
 * <p>Uses cases (its events, the case and its owner), casework ({@code CaseAccess}: whether a person may see a case, so
 * that thanks on a case they may not see answer as for an unknown one), policy (the business calendar, reader time),
 * security ({@code Caller}), cluster (the node that wrote a digest) and outreach (the progress figures the digest
 * tells).
 */
@ApplicationModule(displayName = "Stories",
        allowedDependencies = {"cases", "casework", "policy", "security", "cluster", "outreach"})
package com.followthrough.stories;

import org.springframework.modulith.ApplicationModule;
