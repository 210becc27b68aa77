package org.jobguard.privacy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            电话 +95 9 212 345 678 详聊                  | 电话 <PHONE:+95> 详聊
            电话＋８５５　９１　２３４　５６７            | 电话<PHONE:+855>
            call +63 917-123-4567 now                   | call <PHONE:+63> now
            手机13812345678                              | 手机<PHONE:+86>
            手机 138-1234-5678                           | 手机 <PHONE:+86>
            手机 一三八一二三四五六七八                   | 手机 <PHONE:+86>
            whatsapp 0062 812-345-678                   | whatsapp <PHONE:+62>
            发邮件 Job.Offer@Example.com 谢谢            | 发邮件 <EMAIL> 谢谢
            私聊纸飞机 @hr_recruit_fake                  | 私聊纸飞机 <HANDLE>
            只用TG联系：t.me/example_job                 | 只用TG联系：<URL:t.me>
            join https://t.me/joinchat/abc123.           | join <URL:t.me>.
            see www.jobs-asia.top/apply?id=7             | see <URL:web>
            email me at hr@example.com not @home        | email me at <EMAIL> not <HANDLE>
            加微信 wx_example_01 详聊                     | 加微信 <WECHAT> 详聊
            vx：kk8899job                                | vx：<WECHAT>
            加QQ群 123456789                             | 加QQ群 <QQ>
            加LINE: stock_88                             | 加LINE: <LINE>
            Line ID: anna.tan99                          | Line ID: <LINE>
            tg: recruit_boss88                           | tg: <HANDLE>
            身份证 110101199003071234                     | 身份证 <ID>
            护照号 E12345678 发我                         | 护照号 <PASSPORT> 发我
            passport no. P1234567A please                | passport no. <PASSPORT> please
            卡号 6222 0212 3456 7890 123                 | 卡号 <BANKCARD>
            pay to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE    | pay to <WALLET:TRC20>
            to 0x52908400098527886E0F7030069857D2E4169EE7 | to <WALLET:ERC20>
            btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq | btc <WALLET:BTC>
            我叫王小明，今年25                             | 我叫<NAME>，今年25
            联系人：李娜 电话找她                          | 联系人：<NAME> 电话找她
            找张经理报名                                  | 找<NAME>经理报名
            Hi, my name is Grace Otieno from HR           | Hi, my name is <NAME> from HR
            我是李伟，电话找我                              | 我是<NAME>，电话找我
            V: kk889job                                   | V: <WECHAT>
            加薇：kk_8899                                  | 加薇：<WECHAT>
            ig: john_doe88                                | ig: <HANDLE>
            联系tg: @boss_kk                               | 联系tg: <HANDLE>
            email john at gmail dot com                   | email <EMAIL>
            TRC20: TXa1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6     | TRC20: <WALLET:TRC20>
            contact Mr. Santos for details                | contact Mr. <NAME> for details
            """)
    void replacesIdentifiersWithTypedPlaceholders(String in, String expected) {
        assertEquals(expected, redactor.redactText(in));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            月薪8000-15000 包吃包住
            一天800-1500，日结
            Salary 70,000-1,20,000 INR per month
            月入3万 2024年10月入职
            我们是正规公司，不违法
            we will never ask you to pay or travel
            我是客服，有问题问我
            meet at the station
            """)
    void leavesOrdinaryTextAlone(String in) {
        assertEquals(in, redactor.redactText(in));
    }

    @Test
    void keepsPlaceholdersOfAlreadyRedactedNormalizedText() {
        String once = redactor.redactText("加微信 wx_example_01 电话 +95 9 212 345 678 t.me/job_x");
        String lowered = once.toLowerCase(java.util.Locale.ROOT);
        assertEquals(once, redactor.redactText(lowered));
    }

    @Test
    void handlesWrittenRightAfterWordsAreRedactedButEmailDomainsAreNot() {
        assertEquals("联系<HANDLE> 飞机<HANDLE> 私聊TG<HANDLE>", redactor.redactText("联系@cb_it_fake 飞机@abc_def 私聊TG@kk_hr_fake"));
        assertEquals("mail <EMAIL> or tg<HANDLE>", redactor.redactText("mail john.doe@gmail.com or tg@boss_fake"));
    }

    @Test
    void itemsCarryNormalizedValuesForHashingButPrintWithoutThem() {
        Redaction r = redactor.redact("联系 @HR_Boss 或 +95 9 212 345 678");
        assertEquals(List.of(Redaction.Type.PHONE, Redaction.Type.HANDLE).size(), r.items().size());
        Redaction.Item handle = r.items().stream().filter(i -> i.type() == Redaction.Type.HANDLE).findFirst().orElseThrow();
        assertEquals("hr_boss", handle.normalized());
        Redaction.Item phone = r.items().stream().filter(i -> i.type() == Redaction.Type.PHONE).findFirst().orElseThrow();
        assertEquals("+959212345678", phone.normalized());
        assertFalse(r.items().toString().contains("hr_boss"));
        assertFalse(r.items().toString().contains("212"));
    }

    @TestFactory
    Stream<DynamicTest> adversarialTextsFinishInLinearTime() {
        // 2 s, not the 50 ms target (printed by `bench`): a shared CI machine may pause any thread that long;
        // a backtracking engine took 4-7 s on several of these and overflowed its stack on "a."
        return AdversarialTexts.all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            Redaction r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> redactor.redact(t.text()));
            assertTrue(r.text().length() > 0);
        }));
    }

    @Test
    void identifiersAfterAnAdversarialRunAreStillRedacted() {
        String text = "a.".repeat(5_000) + " mail hr@example.com, tg: @boss_kk, 电话 +95 9 212 345 678 "
                + "1234567a".repeat(1_000) + " 13812345678";
        String out = redactor.redactText(text);
        for (String secret : List.of("hr@example.com", "boss_kk", "212 345 678", "13812345678")) {
            assertFalse(out.contains(secret), secret);
        }
    }

    @Test
    void numbersPastTheParsingBudgetAreRedactedUnread() {
        // each run below is tried in every region and valid in none, so the budget runs out early
        String text = "1234567a".repeat(Redactor.PHONE_PARSES_PER_MESSAGE) + " 8123 4567 ";
        Redaction r = redactor.redact(text);
        assertFalse(r.text().contains("8123 4567"), r.text().substring(r.text().length() - 40));
        assertTrue(r.text().endsWith("<PHONE> "), r.text().substring(r.text().length() - 40));
    }

    @Test
    void aSpelledOutAddressRightBeforeChineseIsAnAddress() {
        assertEquals("邮箱 <EMAIL>谢谢", redactor.redactText("邮箱 john at gmail dot com谢谢"));
    }

    @Test
    void nullAndEmptyAreSafe() {
        assertEquals("", redactor.redactText(null));
        assertEquals("", redactor.redactText(""));
    }

    @Property(tries = 300, seed = "20261126")
    void noPlantedPhoneEmailOrHandleSurvives(@ForAll("surroundings") String before, @ForAll("identifiers") PlantedIdentifiers.Planted id,
                                             @ForAll("surroundings") String after) {
        String out = redactor.redactText(before + " " + id.written() + " " + after);
        assertFalse(RedactionRecall.leaks(out, id.secret()), () -> id.written() + " survived in " + out);
    }

    @Provide
    Arbitrary<String> surroundings() {
        return Arbitraries.strings().withChars("招聘客服月薪包吃住联系我们 abcxyzHR,.!，。：:()【】🔥\n").ofMaxLength(30);
    }

    @Provide
    Arbitrary<PlantedIdentifiers.Planted> identifiers() {
        List<PlantedIdentifiers.Planted> pool = PlantedIdentifiers.generate(99L, 600).stream()
                .flatMap(m -> m.planted().stream())
                .filter(p -> p.type() == Redaction.Type.PHONE || p.type() == Redaction.Type.EMAIL || p.type() == Redaction.Type.HANDLE)
                .toList();
        return Combinators.combine(Arbitraries.of(pool), Arbitraries.just(0)).as((p, unused) -> p);
    }
}
