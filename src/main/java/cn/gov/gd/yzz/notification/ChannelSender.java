package cn.gov.gd.yzz.notification;

/** An outside channel (SMS, mini-app): sends one claimed delivery and says how it went. */
interface ChannelSender {

    /** How one attempt went: delivered, worth retrying (5xx, timeout, 429), or never going to work (other 4xx). */
    enum Result {
        DELIVERED, RETRY, PERMANENT
    }

    /** The result and, when it failed, a short reason for the operators (no personal data). */
    record Outcome(Result result, String reason) {
        static Outcome delivered() {
            return new Outcome(Result.DELIVERED, null);
        }

        static Outcome retry(String reason) {
            return new Outcome(Result.RETRY, reason);
        }

        static Outcome permanent(String reason) {
            return new Outcome(Result.PERMANENT, reason);
        }

        /** By the receiver's HTTP status: 2xx delivered; 408, 429 and 5xx retried; other 4xx given up. */
        static Outcome ofStatus(int status) {
            if (status >= 200 && status < 300) {
                return delivered();
            }
            String reason = "HTTP " + status;
            return status == 408 || status == 429 || status >= 500 ? retry(reason) : permanent(reason);
        }
    }

    DeliveryChannel channel();

    Outcome send(DeliveryStore.Claimed delivery);
}
