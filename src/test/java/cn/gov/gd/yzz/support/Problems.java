package cn.gov.gd.yzz.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.ValidatableResponse;

/** Assertions every problem answer must pass: RFC 9457 shape, the expected code, and nothing internal leaked. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(ValidatableResponse response, int status, String code) {
        response.statusCode(status).contentType("application/problem+json");
        String body = response.extract().asString();
        assertThat(response.extract().jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.extract().jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.extract().jsonPath().getString("type")).isEqualTo("urn:yzz:problem:" + code);
        assertThat(response.extract().jsonPath().getString("title")).isNotBlank();
        assertNoInternals(body);
    }

    /** No stack frames, exception classes, SQL or file paths in an answer. */
    public static void assertNoInternals(String body) {
        assertThat(body).doesNotContainPattern("\\bat [a-z]+\\.[a-zA-Z.$]+\\(")
                .doesNotContainPattern("(?i)\\b(java|jakarta|org\\.hibernate|io\\.quarkus|com\\.fasterxml)\\.")
                .doesNotContainPattern("(?i)exception")
                .doesNotContainPattern("(?i)\\b(select|insert|update|delete)\\s.+\\s(from|into|set)\\s")
                .doesNotContain("/work/").doesNotContain("/root/").doesNotContain(".java");
    }
}
