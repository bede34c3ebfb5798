package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Counts staff login attempts in token buckets (bucket4j) per account and per client address. Every attempt takes a
 * token from both before the password is checked, and a successful one gives them back: parallel guesses cannot all
 * pass a check made before any of them failed. An empty bucket answers 429 with {@code Retry-After}. Buckets live per
 * instance in a bounded, expiring map, so an attacker spraying names cannot grow memory.
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

    /** Takes one attempt from the account's and the address's bucket, or refuses with 429 when either is empty. */
    public void take(String username, String address) {
        Bucket account = account(username);
        if (!account.tryConsume(1)) {
            throw refuse(account);
        }
        Bucket origin = address(address);
        if (!origin.tryConsume(1)) {
            account.addTokens(1);
            throw refuse(origin);
        }
    }

    /** A successful login does not count against either limit. */
    public void giveBack(String username, String address) {
        account(username).addTokens(1);
        address(address).addTokens(1);
    }

    private static ProblemException refuse(Bucket bucket) {
        long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return ProblemException.tooManyRequests(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1));
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
}
