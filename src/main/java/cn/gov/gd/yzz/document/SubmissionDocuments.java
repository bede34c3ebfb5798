package cn.gov.gd.yzz.document;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The documents shown with submissions, for the submission package's views. */
@ApplicationScoped
public class SubmissionDocuments {

    /**
     * The documents of each submission, oldest first, without rejected uploads; one query for all of them (a page of
     * submissions costs one query, not one per row). Submissions without documents have no entry.
     */
    public Map<UUID, List<DocumentView>> ofSubmissions(Collection<UUID> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<DocumentView>> bySubmission = new HashMap<>();
        Document.<Document>list("submissionId in ?1 and status <> ?2", Sort.by("createdAt").and("id"),
                submissionIds, DocumentStatus.REJECTED)
                .forEach(d -> bySubmission.computeIfAbsent(d.submissionId, id -> new ArrayList<>()).add(d.view()));
        return bySubmission;
    }
}
