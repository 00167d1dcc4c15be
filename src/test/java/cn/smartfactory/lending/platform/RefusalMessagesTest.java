package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which messages lose Camunda's prefix: the platform's refusals (below 500, in Chinese first), nothing else. */
class RefusalMessagesTest {

    @Test
    void theRefusalIsShownAsThePlatformWroteIt() {
        String refusal = "提交未被接受:“审批意见”为必填项。Submission not accepted: \"Approval opinion\" is required.";
        assertThat(RefusalMessages.platformMessage(400, "Cannot submit task form 3f2a-11f1-9fbb: " + refusal)).isEqualTo(refusal);
        assertThat(RefusalMessages.platformMessage(403, "Cannot complete task 42: " + refusal)).isEqualTo(refusal);
        assertThat(RefusalMessages.platformMessage(409, "Cannot instantiate process definition loan-origination:3:ab-cd: "
                + refusal)).isEqualTo(refusal);
    }

    @Test
    void camundasOwnFailuresKeepTheirText() {
        assertThat(RefusalMessages.platformMessage(500, "Cannot submit task form 42: 表单 broken")).isNull();
        assertThat(RefusalMessages.platformMessage(400, "Cannot submit task form 42: task is null")).isNull();
        assertThat(RefusalMessages.platformMessage(400, "审批意见为必填项 already plain")).isNull();
        assertThat(RefusalMessages.platformMessage(204, "Cannot submit task form 42: 表单")).isNull();
        assertThat(RefusalMessages.platformMessage(400, null)).isNull();
    }
}
