package cn.gov.gd.yzz.support;

import org.junit.jupiter.api.BeforeEach;

/** Base of the HTTP API tests: every response they receive is checked against the published contract. */
public abstract class ApiTest {

    @BeforeEach
    void checkResponsesAgainstContract() {
        ContractValidation.install();
    }
}
