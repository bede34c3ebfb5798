package cn.gov.gd.yzz.transaction;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * Every event of a batch as the contract's {@code TransactionEvent} schema has it. One pass over the list replaces a
 * Hibernate Validator cascade into each element: for a batch of events the cascade's bookkeeping (a path, a context
 * and a metadata lookup per element and constraint) cost more than storing the events. Each failing field is
 * reported at its own path ({@code events[3].kind}), as the cascade did.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidEvents.Check.class)
public @interface ValidEvents {

    String message() default "not a valid transaction event";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidEvents, List<TransactionViews.EventInput>> {

        static final int MAX_SERVICE_CODE = 40;
        static final int MAX_CITIZEN_TOKEN = 8000;
        static final int MAX_SPECIALIST_ID = 100;

        @Override
        public boolean isValid(List<TransactionViews.EventInput> events, ConstraintValidatorContext context) {
            if (events == null) {
                return true; // the list's own @NotNull answers that
            }
            Violations violations = new Violations(context);
            for (int i = 0; i < events.size(); i++) {
                TransactionViews.EventInput e = events.get(i);
                if (e == null) {
                    violations.element(i, "must not be null");
                    continue;
                }
                if (e.eventId() == null) {
                    violations.field(i, "eventId", "required");
                }
                if (e.serviceCode() == null || e.serviceCode().isBlank()
                        || e.serviceCode().length() > MAX_SERVICE_CODE) {
                    violations.field(i, "serviceCode", "required, at most " + MAX_SERVICE_CODE + " characters");
                }
                if (e.occurredAt() == null) {
                    violations.field(i, "occurredAt", "required");
                }
                if (TransactionKind.of(e.kind()).isEmpty()) {
                    violations.field(i, "kind", "required, one of " + TransactionKind.wireList());
                }
                if (e.citizenToken() != null && e.citizenToken().length() > MAX_CITIZEN_TOKEN) {
                    violations.field(i, "citizenToken", "at most " + MAX_CITIZEN_TOKEN + " characters");
                }
                if (e.specialistId() != null && e.specialistId().length() > MAX_SPECIALIST_ID) {
                    violations.field(i, "specialistId", "at most " + MAX_SPECIALIST_ID + " characters");
                }
            }
            return violations.none();
        }

        private static final class Violations {

            private final ConstraintValidatorContext context;
            private boolean any;

            Violations(ConstraintValidatorContext context) {
                this.context = context;
            }

            void element(int index, String message) {
                first();
                context.buildConstraintViolationWithTemplate(message)
                        .addBeanNode().inIterable().atIndex(index)
                        .addConstraintViolation();
            }

            void field(int index, String name, String message) {
                first();
                context.buildConstraintViolationWithTemplate(message)
                        .addPropertyNode(name).inIterable().atIndex(index)
                        .addConstraintViolation();
            }

            private void first() {
                if (!any) {
                    context.disableDefaultConstraintViolation();
                    any = true;
                }
            }

            boolean none() {
                return !any;
            }
        }
    }
}
