package cn.gov.gd.yzz.submission;

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
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        List<String> amended = new ArrayList<>();
        if (answer.formData() != null && !answer.formData().isNull()) {
            // written as the creation writes it: the text cast to jsonb in the statement
            em.createNativeQuery("UPDATE submission SET form_data = CAST(:form AS jsonb) WHERE id = :id")
                    .setParameter("form", amendedForm(submission, answer.formData(), amended))
                    .setParameter("id", submission.id).executeUpdate();
        }
        CaseSupplement.<CaseSupplement>find("caseId = ?1 and outcome is null", target.id).firstResultOptional()
                .ifPresent(open -> open.amendedFields = amended.toArray(String[]::new));
        String note = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        String comment = amended.isEmpty() ? Optional.ofNullable(note).orElse("已提交补正材料")
                : "已提交补正，修改字段：" + String.join("、", amended) + (note == null ? "" : "；" + note);
        moves.move(target, "submit-supplement", caller.subject(), Roles.CITIZEN, comment);
        moves.flush();
        return views.view(submission, Optional.empty());
    }

    /** The form with the amendment's fields replaced (a theme's per item), checked against the items' schemas. */
    private String amendedForm(Submission submission, JsonNode amendment, List<String> amended) {
        if (!amendment.isObject()) {
            throw ProblemException.badRequest("validation-failed", "formData must be an object of amended fields");
        }
        try {
            ObjectNode form = (ObjectNode) json.readTree(submission.formData);
            boolean theme = submission.themeCode != null;
            amendment.fields().forEachRemaining(field -> {
                if (theme && field.getValue().isObject() && form.get(field.getKey()) instanceof ObjectNode item) {
                    field.getValue().fields().forEachRemaining(f -> amended.add(field.getKey() + "." + f.getKey()));
                    item.setAll((ObjectNode) field.getValue());
                } else {
                    amended.add(field.getKey());
                    form.set(field.getKey(), field.getValue());
                }
            });
            targets.checkForms(new SubmissionCreate(submission.serviceCode, submission.themeCode, form));
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form is not JSON", e);
        }
    }
}
