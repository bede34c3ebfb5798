package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.FormSchemas;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionCreate;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.SupplementAnswer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The applicant's "supplement submitted" step (补正提交), on the phone or at a kiosk with the assisting specialist:
 * the new documents are uploaded beforehand through the document endpoints; amended form fields are merged into the
 * form, which must still fit the item's schema. The case returns to the reviewer and its time limit runs again.
 */
@ApplicationScoped
class SupplementAnswers {

    private final SubmissionReads reads;
    private final SubmissionTargets targets;
    private final CaseMoves moves;
    private final SubmissionViewAssembler views;
    private final ObjectMapper json;
    private final EntityManager em;

    SupplementAnswers(SubmissionReads reads, SubmissionTargets targets, CaseMoves moves,
            SubmissionViewAssembler views, ObjectMapper json, EntityManager em) {
        this.em = em;
        this.reads = reads;
        this.targets = targets;
        this.moves = moves;
        this.views = views;
        this.json = json;
    }

    @Transactional
    SubmissionView answer(Caller caller, UUID id, SupplementAnswer answer) {
        Submission submission = reads.readable(caller, id);
        SubmissionCase target = answer.caseId() != null ? ApplicantCases.one(submission, answer.caseId())
                : ApplicantCases.waitingOrFirst(submission);
        CaseMoves.target(target, "submit-supplement");
        Optional<CaseSupplement> open = CaseSupplement.<CaseSupplement>find("caseId = ?1 and outcome is null",
                target.id).firstResultOptional();
        List<String> amended = new ArrayList<>();
        if (answer.formData() != null && !answer.formData().isNull()) {
            // two cases of one theme answered at once: the second amends the first's form instead of overwriting it
            em.refresh(submission, LockModeType.PESSIMISTIC_WRITE);
            Amendable amendable = new Amendable(Set.copyOf(Arrays.asList(target.serviceCodes)),
                    open.map(request -> Set.copyOf(Arrays.asList(request.formFields))));
            // written as the creation writes it: the text cast to jsonb in the statement
            em.createNativeQuery("UPDATE submission SET form_data = CAST(:form AS jsonb) WHERE id = :id")
                    .setParameter("form", amendedForm(submission, amendable, answer.formData(), amended))
                    .setParameter("id", submission.id).executeUpdate();
        }
        open.ifPresent(request -> request.amendedFields = amended.toArray(String[]::new));
        String note = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        String comment = amended.isEmpty() ? Optional.ofNullable(note).orElse("已提交补正材料")
                : "已提交补正，修改字段：" + String.join("、", amended) + (note == null ? "" : "；" + note);
        moves.move(target, "submit-supplement", caller.subject(), Roles.CITIZEN, comment);
        moves.flush();
        return views.view(submission, Optional.empty());
    }

    /**
     * What an answer may change: the fields the reviewer named, of the case's own items (a theme's other cases belong
     * to other departments). A request recorded before supplements named fields ({@code named} empty) allows any field
     * of the case's items.
     */
    private record Amendable(Set<String> items, Optional<Set<String>> named) {

        boolean allows(String item, String field) {
            return (item == null || items.contains(item))
                    && named.map(n -> n.contains(field) || item != null && n.contains(item + "." + field)).orElse(true);
        }
    }

    /**
     * The form with the amendment's fields replaced (a theme's per item). Only the amended fields must fit today's
     * schema: a schema changed since the submission must not block the answer to what the reviewer asked.
     */
    private String amendedForm(Submission submission, Amendable amendable, JsonNode amendment, List<String> amended) {
        if (!amendment.isObject()) {
            throw ProblemException.badRequest("validation-failed", "formData must be an object of amended fields");
        }
        try {
            ObjectNode form = (ObjectNode) json.readTree(submission.formData);
            List<FormSchemas.Violation> refused = new ArrayList<>();
            List<String> pointers = new ArrayList<>();
            boolean theme = submission.themeCode != null;
            amendment.fields().forEachRemaining(field -> {
                String key = field.getKey();
                if (!theme) {
                    amend(form, null, key, field.getValue(), amendable, amended, pointers, refused);
                } else if (amendable.items().contains(key) && field.getValue() instanceof ObjectNode fields
                        && form.get(key) instanceof ObjectNode stored) {
                    fields.fields().forEachRemaining(f -> amend(stored, key, f.getKey(), f.getValue(), amendable,
                            amended, pointers, refused));
                } else {
                    refused.add(new FormSchemas.Violation("/formData/" + escaped(key),
                            "not the form of an item of this case"));
                }
            });
            if (!refused.isEmpty()) {
                throw SubmissionTargets.invalid(refused);
            }
            List<FormSchemas.Violation> violations = targets.formViolations(
                    new SubmissionCreate(submission.serviceCode, submission.themeCode, form)).stream()
                    .filter(v -> pointers.stream().anyMatch(p -> v.pointer().equals(p)
                            || v.pointer().startsWith(p + "/")))
                    .toList();
            if (!violations.isEmpty()) {
                throw SubmissionTargets.invalid(violations);
            }
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form is not JSON", e);
        }
    }

    private static void amend(ObjectNode form, String item, String field, JsonNode value, Amendable amendable,
            List<String> amended, List<String> pointers, List<FormSchemas.Violation> refused) {
        String pointer = "/formData/" + (item == null ? "" : escaped(item) + "/") + escaped(field);
        if (!amendable.allows(item, field)) {
            refused.add(new FormSchemas.Violation(pointer, "not named in the supplement request"));
            return;
        }
        form.set(field, value);
        amended.add(item == null ? field : item + "." + field);
        pointers.add(pointer);
    }

    /** A JSON pointer's reference token (RFC 6901). */
    private static String escaped(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
