package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What may be added to a submission, shared by both ways of uploading. */
@ApplicationScoped
class UploadRules {

    private final DocumentConfig config;
    private final SubmissionAccess submissions;

    UploadRules(DocumentConfig config, SubmissionAccess submissions) {
        this.config = config;
        this.submissions = submissions;
    }

    /**
     * The submitting citizen or the specialist who assisted at its creation adds documents (the resource admits only
     * those two roles; a reviewer never writes), and only while a case is still open.
     */
    void requireWritable(Caller caller, UUID submissionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            submissions.requireReadable(caller, submissionId);
            if (!submissions.anyCaseOpen(submissionId)) {
                throw ProblemException.conflict("submission-closed", "All cases of this submission are decided");
            }
        });
    }

    /** The type as the bytes say must be allowed, and agree with the type the client declared, if any. */
    void checkType(String detected, String declared) {
        checkType(detected, declared, config.allowedTypes());
    }

    /** The same check against another owner's allowed types (a case's result documents). */
    void checkType(String detected, String declared, Collection<String> allowed) {
        if (!allowed.contains(detected)) {
            throw unsupported("The file's bytes are " + detected + "; allowed: " + allowed);
        }
        if (declared != null && !declared.toLowerCase(Locale.ROOT).startsWith(detected)) {
            throw unsupported("The file was declared as " + declared + " but its bytes are " + detected);
        }
    }

    /** A declared type, lower-cased, when it is allowed; 415 otherwise. */
    String allowedDeclaredType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!config.allowedTypes().contains(type)) {
            throw unsupported("Documents of type '" + type + "' are not accepted; allowed: " + config.allowedTypes());
        }
        return type;
    }

    /** The document types a submission's materials may have (by their bytes). */
    List<String> allowedTypes() {
        return config.allowedTypes();
    }

    long maxSize() {
        return config.maxSize().asLongValue();
    }

    ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "payload-too-large", "Document too large",
                "A document may have at most " + maxSize() + " bytes"));
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported document type", detail));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
