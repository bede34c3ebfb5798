package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens bound to a kiosk (its device token and the citizen sessions it opened) stop working when the kiosk is
 * disabled or its key rotated, without waiting for them to expire; re-enabling the kiosk does not revive them.
 */
@ApplicationScoped
public class DisabledKioskGuard implements SecurityIdentityAugmentor {

    private final KioskStates states;

    DisabledKioskGuard(KioskStates states) {
        this.states = states;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || Caller.claimText(token, Caller.KIOSK_CLAIM).isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        String kiosk = Caller.claimText(token, Caller.KIOSK_CLAIM).orElseThrow();
        Instant issuedAt = token.getIssuedAtTime() == 0 ? null : Instant.ofEpochSecond(token.getIssuedAtTime());
        // nearly always known: answered on the event loop, without handing the request to a worker thread and back
        Optional<Boolean> known = states.acceptsIfKnown(kiosk, issuedAt);
        if (known.isPresent()) {
            return known.get() ? Uni.createFrom().item(identity)
                    : Uni.createFrom().failure(new AuthenticationFailedException("kiosk disabled or token revoked"));
        }
        return context.runBlocking(() -> {
            if (!states.accepts(kiosk, issuedAt)) {
                throw new AuthenticationFailedException("kiosk disabled or token revoked");
            }
            return identity;
        });
    }
}
