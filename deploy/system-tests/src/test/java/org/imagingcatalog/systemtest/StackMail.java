package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.imagingcatalog.testsupport.Quietly;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The stack's SMTP server: a real GreenMail in the test JVM on a free loopback port, to which the shared stack's
 * submission-service sends its decision mails. Every message is kept in the mailbox of the address it was
 * delivered to (the SMTP envelope's recipient), so a test can tell who received what, not only what the headers say.
 */
final class StackMail implements AutoCloseable {

    /** One delivered copy: the mailbox it went to, the header recipients (To, Cc, Bcc), subject and text. */
    record Delivered(String mailbox, List<String> recipients, String subject, String body) {
    }

    private final GreenMail server;
    private final int port;

    private StackMail(int port) {
        this.port = port;
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    static StackMail start() {
        StackMail mail = new StackMail(CatalogStack.freePort());
        mail.server.start();
        return mail;
    }

    int port() {
        return port;
    }

    /** Every copy delivered so far, mailbox by mailbox. */
    synchronized List<Delivered> delivered() {
        List<Delivered> all = new ArrayList<>();
        for (GreenMailUser user : server.getUserManager().listUser()) {
            try {
                for (StoredMessage stored : server.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    all.add(read(user.getEmail(), stored.getMimeMessage()));
                }
            } catch (FolderException e) {
                throw new IllegalStateException("cannot read the mailbox of " + user.getEmail(), e);
            }
        }
        return all;
    }

    /** The copies for which {@code test} holds. */
    List<Delivered> matching(Predicate<Delivered> test) {
        return delivered().stream().filter(test).toList();
    }

    /** Waits until {@code count} copies delivered to {@code address} satisfy {@code test}; answers them. */
    List<Delivered> awaitDelivered(String address, Predicate<Delivered> test, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Delivered> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = matching(d -> d.mailbox().equalsIgnoreCase(address) && test.test(d));
            if (found.size() >= count) {
                return found;
            }
            Quietly.sleep(200);
        }
        throw new AssertionError("after " + timeout + " " + found.size() + " of " + count + " expected mails reached "
                + address + "; its mailbox holds " + matching(d -> d.mailbox().equalsIgnoreCase(address)).stream()
                        .map(Delivered::subject).toList());
    }

    @Override
    public synchronized void close() {
        server.stop();
    }

    private static Delivered read(String mailbox, MimeMessage message) {
        try {
            List<String> recipients = new ArrayList<>();
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC,
                    Message.RecipientType.BCC)) {
                Address[] list = message.getRecipients(type);
                if (list != null) {
                    Arrays.stream(list).map(Address::toString).forEach(recipients::add);
                }
            }
            Object content = message.getContent();
            String body = content instanceof String text ? text : String.valueOf(content);
            return new Delivered(mailbox, List.copyOf(recipients), message.getSubject(), body.replace("\r\n", "\n"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a message delivered to " + mailbox, e);
        }
    }
}
