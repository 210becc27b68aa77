package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sign whose category's explanation would overstate it is explained by its own message: a Telegram handle is no
 * request to hide, wages in USDT are no fraud work, a betting firm is no vague job.
 */
class RuleExplanationTest {
    private final RedFlagChecker checker = TestModels.shippedChecker();

    @Test
    void signsThatTheirCategoryOverstatesAreExplainedByTheirOwnMessage() {
        Verdict v = checker.check("招聘 客服 柬埔寨 金边 月薪1500U 包吃住 熟悉体育盘 TG @hr_fake");
        Map<String, String> keyByRule = v.flags().stream()
                .collect(Collectors.toMap(RedFlag::ruleId, v::explanationKey, (a, b) -> a));
        assertEquals("flag.hidden_channel.telegram", keyByRule.get("hidden_channel.telegram"), v.flags().toString());
        assertEquals("flag.scam_work.usdt_pay", keyByRule.get("scam_work.usdt_pay"), v.flags().toString());
        assertEquals("flag.vague_job.gambling", keyByRule.get("vague_job.gambling"), v.flags().toString());
        assertEquals("flag.scam_work", checker.check("每天用话术加好友聊天 引流到平台 柬埔寨 包吃住").flags().stream()
                .filter(f -> f.ruleId().equals("scam_work.weak_signals")).map(v::explanationKey).findFirst().orElse(""),
                "the fraud work itself keeps its category's explanation");
    }
}
