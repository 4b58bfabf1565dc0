package org.imagingcatalog.submission.notify;

import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;

/**
 * The text of a decision mail. It names one submission and its own submitter; it never holds an address (the
 * recipient is the only one) nor anything of another submission.
 *
 * @param trackingUrl the private tracking link, or null when it cannot be recovered (older submissions)
 * @param publicUrl the public page of an accepted resource, or null
 */
record DecisionMail(String submitterName, SubmissionKind kind, String resourceId, int revision, SubmissionStatus status,
        String curatorMessage, String trackingUrl, String publicUrl, String contributeUrl) {

    String subject() {
        return "Imaging Data Catalog: your submission is " + describe(status);
    }

    String body() {
        StringBuilder text = new StringBuilder();
        text.append("Hello").append(submitterName == null ? "" : " " + submitterName).append(",\n\n");
        text.append("curators have looked at your ").append(kind.name().toLowerCase()).append(" submission")
                .append(resourceId == null ? "" : " for \"" + resourceId + "\"")
                .append(revision > 1 ? " (revision " + revision + ")" : "")
                .append(": it is ").append(describe(status)).append(".\n");
        if (curatorMessage != null && !curatorMessage.isBlank()) {
            text.append("\nMessage from the curators:\n").append(curatorMessage).append("\n");
        }
        if (publicUrl != null && status == SubmissionStatus.ACCEPTED) {
            text.append("\nThe entry in the public catalog: ").append(publicUrl).append("\n");
        }
        if (trackingUrl != null) {
            text.append("\nYour private tracking link (keep it to yourself): ").append(trackingUrl).append("\n");
            if (status == SubmissionStatus.CHANGES_REQUESTED) {
                text.append("Revise your submission there: the form is filled in with what you sent.\n");
            }
        } else {
            text.append("\nYour private tracking link, given when you submitted, shows the same status.\n");
        }
        text.append("Contribute again: ").append(contributeUrl).append("/\n");
        return text.toString();
    }

    static String describe(SubmissionStatus status) {
        return switch (status) {
            case RECEIVED -> "received";
            case IN_REVIEW -> "in review";
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
            case CHANGES_REQUESTED -> "waiting for changes";
        };
    }
}
