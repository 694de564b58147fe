package vn.ansinh.issuer.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in protects accounts.
 *
 * @param allowedFailures    wrong passwords in a row before the account is locked
 * @param lockFor            how long a locked account stays locked
 * @param setupCodeValidFor  how long a one-time setup code can be used
 * @param minimumPasswordLength the shortest password a person may choose
 * @param attemptsPerMinute  sign-ins, password choices and token requests one address may send a minute
 */
@ConfigurationProperties("ansinh.issuer.sign-in")
public record SignInPolicy(Integer allowedFailures, Duration lockFor, Duration setupCodeValidFor, Integer minimumPasswordLength,
                           Integer attemptsPerMinute) {

    public SignInPolicy {
        allowedFailures = allowedFailures == null ? 5 : allowedFailures;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        setupCodeValidFor = setupCodeValidFor == null ? Duration.ofDays(3) : setupCodeValidFor;
        minimumPasswordLength = minimumPasswordLength == null ? 10 : minimumPasswordLength;
        attemptsPerMinute = attemptsPerMinute == null ? 60 : attemptsPerMinute;
    }
}
