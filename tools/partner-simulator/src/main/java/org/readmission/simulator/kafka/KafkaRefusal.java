package org.readmission.simulator.kafka;

import java.util.Locale;
import java.util.Optional;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * The broker refused a party: it could not authenticate, or the ACLs do not allow what it tried. The message says
 * which party, principal and topic (or group) and what to check; the command prints it and exits 1, without a stack
 * trace ({@code PartnerSimulator} prints the message of every {@link IllegalStateException}).
 */
public final class KafkaRefusal extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private KafkaRefusal(String message, Throwable cause) {
        super(message, cause);
    }

    /** The authentication or authorization failure in {@code error}'s cause chain, if any. */
    public static Optional<RuntimeException> refusalIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
                return Optional.of((RuntimeException) t);
            }
        }
        return Optional.empty();
    }

    /**
     * @param party  the party the client acted for (its principal is the code lower-cased)
     * @param action what it tried, e.g. "write" or "read"
     * @param target the topic (or group) it tried it on
     * @return a refusal with a message a person can act on, or empty when {@code error} is not a refusal
     */
    public static Optional<KafkaRefusal> of(Throwable error, ClientSecurity security, String party, String action, String target) {
        return refusalIn(error).map(cause -> new KafkaRefusal(message(cause, security, party, action, target), cause));
    }

    /** Like {@link #of}, for errors known to be refusals or re-thrown as they are. */
    public static RuntimeException explain(RuntimeException error, ClientSecurity security, String party, String action, String target) {
        return of(error, security, party, action, target).<RuntimeException>map(r -> r).orElse(error);
    }

    static String message(RuntimeException cause, ClientSecurity security, String party, String action, String target) {
        String principal = ClientSecurity.principalOf(party);
        String who = party + " (principal User:" + principal + ")";
        if (cause instanceof AuthenticationException) {
            return "Kafka refused to authenticate " + who + " (" + cause.getMessage() + "). " + security.authenticationHint(party);
        }
        if (cause instanceof GroupAuthorizationException group) {
            String name = group.groupId() == null ? target : group.groupId();
            return "Kafka refused " + who + " the consumer group '" + name + "' (group authorization failed). Under the ACLs"
                    + " of deploy/kafka-security/acls.txt a party may use only the groups '" + principal + "' and '"
                    + principal + ".*'.";
        }
        String topics = cause instanceof TopicAuthorizationException t && !t.unauthorizedTopics().isEmpty()
                ? String.join(", ", t.unauthorizedTopics()) : target;
        return String.format(Locale.ROOT, "Kafka refused %s to %s %s (%s). Under the ACLs of deploy/kafka-security/acls.txt a"
                        + " party writes only readmission.partner-submissions.%s (a reintegration provider: reintegration.updates)"
                        + " and reads only readmission.partner-notifications.%s; the shared readmission.partner-submissions"
                        + " is the gateway's. deploy/local/stack up --secure applies these ACLs; on another broker ask its"
                        + " operators for them.",
                who, action, topics, cause.getClass().getSimpleName().replace("Exception", " failed"), principal, principal);
    }
}
