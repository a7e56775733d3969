package com.followthrough.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The storm's SMTP server in a JVM of its own, so that its CPU can be read from /proc apart from the benchmark's:
 * GreenMail (SMTP only) on 127.0.0.1, driven one line at a time over the child's standard input and output.
 * {@code expect N} answers {@code received} as soon as N messages in all have been accepted (GreenMail counts them down
 * on a latch as they arrive: no polling in the server); {@code count} answers the messages and their distinct
 * Message-IDs; {@code stop} ends it. JVM options: {@code bench.smtp-jvm} (default {@code -Xmx512m}).
 */
final class SmtpServerProcess implements AutoCloseable {

    /** What the server's own replies start with; any other output (a library's) is not for us. */
    private static final String REPLY = "smtp-process ";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** @param distinctMessageIds fewer than {@code messages} means some mail arrived twice */
    record Count(long messages, long distinctMessageIds) {
    }

    private final Process process;
    private final int port;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final CompletableFuture<Instant> received = new CompletableFuture<>();

    private SmtpServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "smtp-process-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server on a free port and waits until it listens. */
    static SmtpServerProcess start() {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(System.getProperty("bench.smtp-jvm", "-Xmx512m").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SmtpServerProcess.class.getName(),
                String.valueOf(port)));
        try {
            Path log = Path.of("target", "bench", "smtp-server.log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            SmtpServerProcess server = new SmtpServerProcess(process, port);
            String ready = server.reply();
            if (!"ready".equals(ready)) {
                server.close();
                throw new IllegalStateException("The SMTP server did not start (" + ready + "); see " + log);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SMTP server process", e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Completes at the instant the server reports {@code messages} accepted in all (once per server). */
    CompletableFuture<Instant> expect(int messages) {
        commands.println("expect " + messages);
        return received;
    }

    Count count() {
        commands.println("count");
        String[] reply = reply().split(" ");
        if (reply.length != 3 || !reply[0].equals("count")) {
            throw new IllegalStateException("Unexpected reply: " + String.join(" ", reply));
        }
        return new Count(Long.parseLong(reply[1]), Long.parseLong(reply[2]));
    }

    @Override
    public void close() {
        commands.println("stop");
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String reply() {
        try {
            String reply = replies.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (reply == null) {
                throw new IllegalStateException("No reply from the SMTP server process within " + PATIENCE);
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readReplies() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.equals(REPLY + "received")) {
                    received.complete(Instant.now());
                } else if (line.startsWith(REPLY)) {
                    replies.add(line.substring(REPLY.length()));
                }
            }
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
        received.completeExceptionally(new IllegalStateException("The SMTP server process ended"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server side: {@code java … SmtpServerProcess <port>}. */
    public static void main(String[] args) throws IOException {
        // Logback's default configuration logs every SMTP command at DEBUG to standard output: CPU that is not SMTP's.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
        GreenMail server = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        server.start();
        System.out.println(REPLY + "ready");
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null && !line.equals("stop"); line = input.readLine()) {
            if (line.startsWith("expect ")) {
                int messages = Integer.parseInt(line.substring("expect ".length()));
                Thread waiter = new Thread(() -> System.out.println(REPLY
                        + (server.waitForIncomingEmail(Duration.ofHours(2).toMillis(), messages) ? "received" : "timed out")));
                waiter.setDaemon(true);
                waiter.start();
            } else if (line.equals("count")) {
                MimeMessage[] messages = server.getReceivedMessages();
                long distinct = Arrays.stream(messages).map(SmtpServerProcess::messageId).distinct().count();
                System.out.println(REPLY + "count " + messages.length + " " + distinct);
            } else {
                System.out.println(REPLY + "unknown command " + line);
            }
        }
        server.stop();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
