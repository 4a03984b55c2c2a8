package vn.tcxd.security.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.tcxd.shared.scope.AccessScope;
import vn.tcxd.shared.scope.CurrentAccess;

/**
 * The data scope of the authenticated user, read from the account's grants once per request.
 * A web request without a user may see nothing; code outside any request and without a user
 * (bootstrap, demo loader, scheduled jobs) acts as "system" over everything.
 */
@Component
class SecurityCurrentAccess implements CurrentAccess {

    static final String SYSTEM = "system";
    private static final String CACHE = SecurityCurrentAccess.class.getName() + ".scope";

    private final AccountRepository accounts;

    SecurityCurrentAccess(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public AccessScope scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (!isUser(authentication)) {
            return request == null ? AccessScope.system(SYSTEM) : AccessScope.none("anonymous");
        }
        String username = authentication.getName();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof AccessScope cached
                && cached.username().equals(username)) {
            return cached;
        }
        AccessScope scope = accounts.byUsername(username)
                .map(AccountService::scopeOf)
                .orElseGet(() -> AccessScope.none(username));
        if (request != null) {
            request.setAttribute(CACHE, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    /** The name of the authenticated user, or "system" for code running without one. */
    static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return isUser(authentication) ? authentication.getName() : SYSTEM;
    }

    private static boolean isUser(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
