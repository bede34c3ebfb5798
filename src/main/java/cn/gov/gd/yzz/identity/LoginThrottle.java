package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed staff logins in token buckets (bucket4j) per account and per client address; an empty bucket answers
 * 429 with {@code Retry-After} before the password is even checked. Buckets live per instance in a bounded,
 * expiring map, so an attacker spraying names cannot grow memory.
 */
@ApplicationScoped
public class LoginThrottle {

    private final StaffLoginConfig config;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;

    LoginThrottle(StaffLoginConfig config) {
        this.config = config;
        this.accounts = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(config.window().toMillis(), TimeUnit.MILLISECONDS).build();
        this.addresses = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(config.window().toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** Refuses with 429 while either bucket is empty. */
    public void check(String username, String address) {
        long wait = Math.max(nanosToWait(account(username)), nanosToWait(address(address)));
        if (wait > 0) {
            throw ProblemException.tooManyRequests(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1));
        }
    }

    public void failed(String username, String address) {
        account(username).tryConsume(1);
        address(address).tryConsume(1);
    }

    private Bucket account(String username) {
        return accounts.get(username, u -> bucket(config.maxFailuresPerAccount()));
    }

    private Bucket address(String address) {
        return addresses.get(address, a -> bucket(config.maxFailuresPerAddress()));
    }

    private Bucket bucket(int capacity) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(capacity, config.window()).build()).build();
    }

    private static long nanosToWait(Bucket bucket) {
        return bucket.getAvailableTokens() > 0 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }
}
