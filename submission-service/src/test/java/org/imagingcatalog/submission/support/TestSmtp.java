package org.imagingcatalog.submission.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.imagingcatalog.testsupport.kafka.FreePorts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The real SMTP server of the tests: GreenMail on a free loopback port, one per test JVM. It can be stopped
 * and started again on the same port to play an SMTP outage; what it received before a stop is kept here.
 */
public final class TestSmtp {

    /** A message as it arrived: every recipient, the subject and the plain-text body. */
    public record Received(List<String> recipients, String subject, String body) {
    }

    private static TestSmtp shared;

    private final ServerSetup setup;
    private final List<Received> before = new ArrayList<>();
    private GreenMail server;

    private TestSmtp(int port) {
        this.setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    public static synchronized TestSmtp shared() {
        if (shared == null) {
            shared = new TestSmtp(FreePorts.pick());
            shared.start();
        }
        return shared;
    }

    public int port() {
        return setup.getPort();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new GreenMail(setup);
        server.start();
    }

    /** The outage: nothing listens on the port until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        before.addAll(read(server));
        server.stop();
        server = null;
    }

    public synchronized List<Received> all() {
        List<Received> all = new ArrayList<>(before);
        if (server != null) {
            all.addAll(read(server));
        }
        return all;
    }

    /** Messages with this address among their recipients. */
    public List<Received> to(String address) {
        return all().stream().filter(m -> m.recipients().contains(address)).toList();
    }

    public List<Received> matching(Predicate<Received> test) {
        return all().stream().filter(test).toList();
    }

    /** Waits until at least {@code count} messages went to {@code address}; returns them. */
    public List<Received> awaitTo(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Received> mine = to(address);
            if (mine.size() >= count) {
                return mine;
            }
            sleep(200);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + count + " mail(s) to " + address
                + "; got " + to(address).size());
    }

    private static List<Received> read(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).map(TestSmtp::received).toList();
    }

    private static Received received(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Address[] cc = message.getRecipients(Message.RecipientType.CC);
            Address[] bcc = message.getRecipients(Message.RecipientType.BCC);
            List<String> recipients = new ArrayList<>();
            for (Address[] list : new Address[][] {to, cc, bcc}) {
                if (list != null) {
                    Arrays.stream(list).map(a -> a.toString()).forEach(recipients::add);
                }
            }
            Object content = message.getContent();
            String body = content instanceof String text ? text : String.valueOf(content);
            return new Received(List.copyOf(recipients), message.getSubject(), body.replace("\r\n", "\n"));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
