package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.ServiceTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/** With SMTP_HOST set, mail goes to a real SMTP server; and limits per client address. */
@TestPropertySource(properties = {"SMTP_HOST=localhost", "SMTP_PORT=3025", "MAIL_FROM=service@example.com",
        "app.limits.login-per-address=6", "app.limits.reset-per-address=1000000"})
class MailAndAddressLimitsTest extends ServiceTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    /** Each test starts with no attempts counted from this address. */
    @BeforeEach
    @AfterEach
    void forgetAttempts() {
        jdbc.update("delete from attempt_window");
    }

    @Test
    void theResetMailGoesOverSmtp() throws Exception {
        String email = "smtp" + System.nanoTime() + "@example.com";
        assertThat(api.post("/api/v1/users", null, Api.map("username", "smtp" + System.nanoTime(), "email", email,
                "password", Api.PASSWORD)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/password-resets", null, Api.map("email", email)).status()).isEqualTo(202);

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessagesForDomain("example.com")[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(GreenMailUtil.getBody(mail)).containsPattern("[0-9a-f-]{36}\\.");
    }

    @Test
    void loginAttemptsFromOneAddressAreLimited() {
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            Answer answer = api.post("/api/v1/sessions", null,
                    Api.map("login", "someone" + i, "password", "not the password"));
            if (answer.status() == 429) {
                limited++;
                assertThat(answer.header("Retry-After")).isNotBlank();
            } else {
                assertThat(answer.status()).isEqualTo(401);
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(6);
    }
}
