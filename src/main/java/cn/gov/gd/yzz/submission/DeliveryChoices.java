package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionCreate;
import java.util.Arrays;
import java.util.List;

/**
 * The applicant's choice of delivery (送达) at submission, checked against what the items offer: every item of the
 * application must offer the method (one choice for the whole application), and {@code post} needs an address.
 * Without a choice: electronic when every item offers it, else the first method they all offer.
 */
final class DeliveryChoices {

    /** A checked choice; the address only for {@code post}. */
    record Choice(DeliveryMethod method, String address) {
    }

    private DeliveryChoices() {
    }

    static Choice checked(SubmissionCreate request, List<ServiceDetail> items) {
        List<DeliveryMethod> common = Arrays.stream(DeliveryMethod.values())
                .filter(m -> items.stream().allMatch(i -> i.deliveryMethods().contains(m))).toList();
        DeliveryMethod method = request.deliveryMethod();
        if (method == null) {
            method = common.contains(DeliveryMethod.ELECTRONIC) ? DeliveryMethod.ELECTRONIC
                    : common.stream().findFirst().orElse(DeliveryMethod.COUNTER);
        } else if (!common.contains(method)) {
            String offered = common.stream().map(DeliveryMethod::wire).reduce((a, b) -> a + ", " + b).orElse("none");
            throw new ProblemException(Problem.of(400, "delivery-method-not-offered", "Delivery method not offered",
                    "The item(s) applied for do not deliver by " + method.wire() + "; offered: " + offered)
                    .withErrors(List.of(Problem.FieldError.pointer("/deliveryMethod", "offered: " + offered))));
        }
        String address = request.deliveryAddress() == null || request.deliveryAddress().isBlank() ? null
                : request.deliveryAddress().strip();
        if (method == DeliveryMethod.POST && address == null) {
            throw new ProblemException(Problem.of(400, "delivery-address-required", "Postal address required",
                    "Delivery by post needs the postal address (deliveryAddress)")
                    .withErrors(List.of(Problem.FieldError.pointer("/deliveryAddress", "required for post"))));
        }
        return new Choice(method, method == DeliveryMethod.POST ? address : null);
    }
}
