package app.characters.infra.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends mail over SMTP when {@code SMTP_HOST} is set; otherwise writes each message as an
 * {@code .eml} file into {@code MAIL_OUTBOX_DIR} (default {@code ./data/outbox}).
 */
@Component
public class Mailer {

    private final JavaMailSenderImpl smtp;
    private final Path outbox;
    private final String from;

    Mailer(Environment env) {
        this.from = env.getProperty("MAIL_FROM", "characters@localhost");
        String host = env.getProperty("SMTP_HOST");
        if (host != null && !host.isBlank()) {
            smtp = new JavaMailSenderImpl();
            smtp.setHost(host);
            smtp.setPort(Integer.parseInt(env.getProperty("SMTP_PORT", "25")));
            smtp.setUsername(env.getProperty("SMTP_USER"));
            smtp.setPassword(env.getProperty("SMTP_PASSWORD"));
            smtp.getJavaMailProperties().put("mail.smtp.auth", String.valueOf(env.getProperty("SMTP_USER") != null));
            smtp.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
            smtp.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        } else {
            smtp = null;
        }
        this.outbox = Path.of(env.getProperty("MAIL_OUTBOX_DIR", env.getProperty("app.data-dir", "./data") + "/outbox"));
    }

    public void send(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(smtp == null ? Session.getInstance(new Properties()) : smtp.getSession());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(new java.util.Date());
            if (smtp != null) {
                smtp.send(message);
            } else {
                Files.createDirectories(outbox);
                Path file = outbox.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml");
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                    message.writeTo(out);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("the mail to the user could not be sent", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the mail could not be written to the outbox", e);
        }
    }
}
